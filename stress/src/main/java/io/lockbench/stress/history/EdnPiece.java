package io.lockbench.stress.history;

import java.util.BitSet;
import java.util.List;

/**
 * What {@link EdnHistoryReader} read from one piece of a file read in pieces ({@link EdnPieceReader}).
 *
 * @param ops            the operations, in file order
 * @param defaultedIndex the ops (by place in {@code ops}) that had no {@code :index}: they were given
 *                       their place in the piece, and the whole file's place is only known once the
 *                       pieces before are counted
 * @param times          the {@code :time}s seen, to tell whether they still run forward across pieces
 */
record EdnPiece(List<Op> ops, BitSet defaultedIndex, TimeOrder times) {
}
