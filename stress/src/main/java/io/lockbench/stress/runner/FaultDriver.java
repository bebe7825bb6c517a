package io.lockbench.stress.runner;

import io.lockbench.stress.client.Completions;
import io.lockbench.stress.nemesis.Nemesis;
import io.lockbench.stress.nemesis.NemesisContext;
import io.lockbench.stress.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs each fault of the schedule on a thread of its own: waits for its start, starts it, holds,
 * heals, waits, and again, {@code times} times or until the run ends. Every start and heal is
 * recorded in the history (process {@code nemesis}) and as an interval for the results. On the way
 * out every active fault is healed, whatever happened.
 */
final class FaultDriver {

    private final List<Scheduled> faults = new ArrayList<>();
    private final NemesisContext context;
    private final Recorder recorder;
    private final List<RunResults.FaultInterval> intervals = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    FaultDriver(List<FaultSpec> specs, List<Nemesis> nemeses, NemesisContext context, Recorder recorder) {
        for (int i = 0; i < specs.size(); i++) {
            faults.add(new Scheduled(specs.get(i), nemeses.get(i)));
        }
        this.context = context;
        this.recorder = recorder;
    }

    void start() {
        for (Scheduled f : faults) {
            Thread t = new Thread(() -> f.run(), "lockbench-nemesis-" + f.nemesis.name());
            t.setDaemon(true);
            f.thread = t;
            t.start();
        }
    }

    /** The names of the faults active now, for the progress line. */
    List<String> active() {
        List<String> names = new ArrayList<>();
        for (Scheduled f : faults) {
            if (f.active) {
                names.add(f.nemesis.name());
            }
        }
        return names;
    }

    /** Stops the schedules and heals every active fault; then tears every nemesis down. */
    void stopAndHeal() {
        stopping = true;
        for (Scheduled f : faults) {
            if (f.thread != null) {
                f.thread.interrupt();
                try {
                    f.thread.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (f) {
                if (f.active) {
                    f.heal();
                }
            }
            try {
                f.nemesis.teardown(context);
            } catch (Exception e) {
                problems.add(f.nemesis.name() + " teardown: " + Completions.describe(e));
            }
        }
    }

    List<RunResults.FaultInterval> intervals() {
        return List.copyOf(intervals);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private final class Scheduled {
        final FaultSpec spec;
        final Nemesis nemesis;
        volatile boolean active;
        Thread thread;
        private double startedAt;
        private String startText;

        Scheduled(FaultSpec spec, Nemesis nemesis) {
            this.spec = spec;
            this.nemesis = nemesis;
        }

        void run() {
            try {
                Thread.sleep(spec.start().toMillis());
                for (int n = 0; spec.times() == 0 || n < spec.times(); n++) {
                    if (stopping) {
                        return;
                    }
                    synchronized (this) {
                        begin();
                    }
                    Thread.sleep(spec.hold().toMillis());
                    synchronized (this) {
                        if (active) {
                            heal();
                        }
                    }
                    Thread.sleep(spec.heal().toMillis());
                }
            } catch (InterruptedException e) {
                // the run is over: stopAndHeal heals what is active
            }
        }

        private void begin() {
            startedAt = recorder.now() / 1e9;
            try {
                startText = nemesis.start(context);
            } catch (Exception e) {
                startText = "failed: " + Completions.describe(e);
                problems.add(nemesis.name() + " start: " + Completions.describe(e));
            }
            recorder.nemesis("start-" + nemesis.name(), startText);
            active = true;
        }

        private void heal() {
            String healed;
            try {
                healed = nemesis.heal(context);
            } catch (Exception e) {
                healed = "failed: " + Completions.describe(e);
                problems.add(nemesis.name() + " heal: " + Completions.describe(e));
            }
            recorder.nemesis("stop-" + nemesis.name(), healed);
            intervals.add(new RunResults.FaultInterval(nemesis.name(), startedAt, recorder.now() / 1e9, startText, healed));
            active = false;
        }
    }
}
