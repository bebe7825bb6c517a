package io.lockbench.stress.nemesis;

import io.lockbench.stress.scenario.FaultSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Every fault a scenario can name, and the options each takes. */
public final class Nemeses {

    /** The names, in the order the README lists them. */
    public static final List<String> NAMES = List.of("kill-connections", "proxy-delay", "proxy-freeze",
            "proxy-reset", "partition", "pause-client", "clock-skew", "crash-process", "lock-holder", "restart-server");

    private Nemeses() {
    }

    /** @throws IllegalArgumentException for an unknown fault or option, naming the valid ones */
    public static Nemesis create(FaultSpec spec) {
        Set<String> options = switch (spec.fault()) {
            case "proxy-delay" -> Set.of("delay");
            case "pause-client" -> Set.of("targets", "count", "before");
            case "restart-server" -> Set.of("stop", "start");
            case "clock-skew" -> Set.of("offset", "count");
            case "crash-process" -> Set.of("count");
            default -> Set.of();
        };
        for (String o : spec.options().keySet()) {
            if (!options.contains(o)) {
                throw new IllegalArgumentException("unknown option '" + o + "' of fault " + spec.fault()
                        + (options.isEmpty() ? "; it takes none" : "; valid: " + String.join(", ", options)));
            }
        }
        return switch (spec.fault()) {
            case "kill-connections" -> new KillConnections();
            case "proxy-delay" -> new ProxyFault(ProxyFault.Kind.DELAY, spec.option("delay", Duration.ofMillis(100)));
            case "proxy-freeze" -> new ProxyFault(ProxyFault.Kind.FREEZE, Duration.ZERO);
            case "proxy-reset" -> new ProxyFault(ProxyFault.Kind.RESET, Duration.ZERO);
            case "partition" -> new KernelPartition();
            case "pause-client" -> new PauseClient(spec.option("targets", "holder"), spec.option("count", 1),
                    spec.options().get("before"));
            case "clock-skew" -> new ClockSkew(spec.option("offset", Duration.ofMinutes(-1)), spec.option("count", 0));
            case "crash-process" -> new CrashProcess(spec.option("count", 1));
            case "lock-holder" -> new SqliteLockHolder();
            case "restart-server" -> new RestartServer(spec.options().get("stop"), spec.options().get("start"));
            default -> throw new IllegalArgumentException("unknown fault '" + spec.fault() + "'; valid: "
                    + String.join(", ", NAMES));
        };
    }
}
