package io.lockbench.stress.checker.linear;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.HistoryMutations;
import io.lockbench.stress.history.SyntheticHistories;
import org.junit.jupiter.api.Test;

class PerfProbeTest {
    static Model<?, ?> model(String m) {
        return m.equals("register") ? new RegisterModel() : m.equals("versioned") ? new VersionedRegisterModel() : new CasRegisterModel();
    }
    @Test
    void probe() {
        String[] specs = System.getProperty("probe", "cas-register,10000,1,10,0.05,5").split(";");
        int seeds = Integer.getInteger("seeds", 1);
        for (String s : specs) {
            String[] a = s.split(",");
            long worstValid = 0, worstInvalid = 0; int bad = 0;
            for (int seed = 1; seed <= seeds; seed++) {
            SyntheticHistories.Spec spec = new SyntheticHistories.Spec(a[0], Integer.parseInt(a[1]), Integer.parseInt(a[2]),
                    Integer.parseInt(a[3]), Double.parseDouble(a[4]), Integer.parseInt(a[5]), seed);
            History h = SyntheticHistories.generate(spec);
            long t0 = System.nanoTime();
            CheckResult r = new LinearizabilityChecker(model(a[0])).check(h);
            long t = (System.nanoTime() - t0) / 1_000_000; worstValid = Math.max(worstValid, t);
            if (seed == 1) System.out.println(r.stats()); if (r.verdict() != Verdict.VALID) { bad++; System.out.println(s + " seed " + seed + " VALID expected: " + r.summary() + " " + r.stats() + " " + r.anomalies()); }
            var m = HistoryMutations.staleRead(h, new java.util.Random(seed), 0.9); if (m.isEmpty() || a[0].equals("versioned")) m = HistoryMutations.neverWrittenRead(h, new java.util.Random(seed), 0.9);
            if (m.isPresent()) {
                t0 = System.nanoTime();
                r = new LinearizabilityChecker(model(a[0])).check(m.get().history());
                t = (System.nanoTime() - t0) / 1_000_000; worstInvalid = Math.max(worstInvalid, t);
                if (r.verdict() != Verdict.INVALID) { bad++; System.out.println(s + " seed " + seed + " INVALID expected (" + m.get().description() + "): " + r.summary() + " " + r.stats()); }
            } else System.out.println(s + " seed " + seed + " no mutation");
            }
            System.out.println(s + ": seeds " + seeds + " bad " + bad + " worst valid " + worstValid + " ms, worst invalid " + worstInvalid + " ms");
        }
    }
}
