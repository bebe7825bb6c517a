package io.lockbench.reports;

import io.lockbench.bench.results.SummaryRow;
import io.lockbench.impl.catalog.Variant;

/**
 * A correct strategy in one cell, scored by the share of its raw baseline's throughput it keeps in
 * calls that succeeded: {@code ratio × (1 − failed per call)}, with the ratio's error scaled alike.
 * Strategies solve their own problems with their own writes, so each is held against the plain
 * write it wraps (an UPDATE, or an INSERT for sequencing), not against another's absolute rate.
 */
public record Candidate(Variant variant, double score, double error, SummaryRow row) {

    static Candidate of(SummaryRow row) {
        double failed = row.perCall().failed();
        double kept = Double.isNaN(failed) ? 1 : Math.max(0, 1 - failed);
        return new Candidate(row.variant().orElseThrow(), row.ratio() * kept, row.ratioError() * kept, row);
    }

    public boolean hasErrorBar() {
        return !Double.isNaN(error);
    }

    public double low() {
        return score - error;
    }

    public double high() {
        return score + error;
    }
}
