package io.lockbench.reports;

import java.util.List;

/** Everything a report is made from: benchmark files and stress runs, either list possibly empty. */
public record ReportData(List<BenchInput> bench, List<StressRun> stress) {

    public ReportData {
        bench = List.copyOf(bench);
        stress = List.copyOf(stress);
    }

    public boolean isEmpty() {
        return bench.isEmpty() && stress.isEmpty();
    }
}
