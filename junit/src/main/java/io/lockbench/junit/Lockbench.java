package io.lockbench.junit;

import io.lockbench.api.Client;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Stress a team's own {@link Client} from a JUnit 5 test, under the same workloads, faults and
 * checkers as lockbench's reference strategies:
 *
 * <pre>
 * import static io.lockbench.junit.Lockbench.*;
 *
 * &#64;Test
 * void ordersSurviveConcurrentUpdates() {
 *     Lockbench.stress(MyOrderDao::new)
 *             .workload(register().keys(16))
 *             .clients(8)
 *             .nemesis(killConnections())
 *             .duration(Duration.ofSeconds(10))
 *             .assertValid();
 * }
 * </pre>
 *
 * A run that is not valid fails the test with the checker's evidence: the anomaly, the operations
 * that show it, and the path of the recorded history.
 */
public final class Lockbench {

    private Lockbench() {
    }

    /** A stress test of the client {@code clients} makes, one instance per client process ({@code MyDao::new}). */
    public static StressTest stress(Supplier<? extends Client> clients) {
        Objects.requireNonNull(clients, "clients");
        return new StressTest(clients);
    }

    /** A stress test of {@code type}, made with its public no-argument constructor. */
    public static StressTest stress(Class<? extends Client> type) {
        Objects.requireNonNull(type, "type");
        return new StressTest(() -> {
            try {
                return type.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type.getName() + " needs a public no-argument constructor, or pass "
                        + "a supplier: Lockbench.stress(() -> new " + type.getSimpleName() + "(…))", e);
            }
        });
    }

    /** Versioned records by compare-and-set: {@code read} → {@code [version, value]}, {@code write [expected, value]}. */
    public static StressWorkload register() {
        return new StressWorkload("register");
    }

    /** Version numbering of files: {@code append} → the version it got, {@code read} → {@code [[version, value] …]}. */
    public static StressWorkload sequence() {
        return new StressWorkload("sequence");
    }

    /** Claims with fencing tokens: {@code acquire}, {@code fenced-write}, {@code heartbeat}, {@code release}, {@code inspect}. */
    public static StressWorkload claims() {
        return new StressWorkload("claims");
    }

    /** Agent-scoped context: a project per agent by compare-and-set, and an append-only log. */
    public static StressWorkload agent() {
        return new StressWorkload("agent");
    }

    /** Aborts the clients' connections (PostgreSQL: {@code pg_terminate_backend}; SQLite: closes them under the client). */
    public static Fault killConnections() {
        return Fault.named("kill-connections");
    }

    /** Stalls a client (by default one holding a claim), as a long GC pause would. */
    public static Fault pauseClient() {
        return Fault.named("pause-client");
    }

    /** Resets every connection at lockbench's proxy between clients and PostgreSQL. */
    public static Fault proxyReset() {
        return Fault.named("proxy-reset");
    }

    /** Freezes traffic at the proxy: a partition as the clients see it (PostgreSQL). */
    public static Fault proxyFreeze() {
        return Fault.named("proxy-freeze");
    }

    /** Delays traffic at the proxy by {@code delay} each way (PostgreSQL). */
    public static Fault proxyDelay(Duration delay) {
        return Fault.named("proxy-delay").option("delay", delay);
    }

    /** Another connection holds SQLite's write lock past the clients' busy timeout. */
    public static Fault lockHolder() {
        return Fault.named("lock-holder");
    }

    /** Any fault by its scenario name ({@code partition}, {@code restart-server} …). */
    public static Fault fault(String name) {
        return Fault.named(name);
    }
}
