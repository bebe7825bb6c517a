package io.lockbench.stress.history;

import java.math.BigInteger;

/**
 * Reading an op's plain-data value. Readers produce {@link Long} for integers, but histories
 * built by hand or by other tools may carry any integral type; checkers accept them all.
 */
public final class Values {

    private Values() {
    }

    /** The value as a long if it is an integer that fits, else {@code null}. */
    public static Long asLong(Object o) {
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        return null;
    }
}
