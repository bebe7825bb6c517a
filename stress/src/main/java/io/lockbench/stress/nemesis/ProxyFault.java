package io.lockbench.stress.nemesis;

import io.lockbench.impl.db.Backend;
import io.lockbench.stress.scenario.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * Network faults between the clients and PostgreSQL, made by lockbench's {@link TcpProxy}:
 * {@code proxy-delay} (every chunk waits {@code delay}, 100ms by default), {@code proxy-freeze}
 * (nothing moves until healed: clients time out) and {@code proxy-reset} (every connection is
 * reset at once).
 */
final class ProxyFault implements Nemesis {

    enum Kind { DELAY, FREEZE, RESET }

    private final Kind kind;
    private final Duration delay;

    ProxyFault(Kind kind, Duration delay) {
        this.kind = kind;
        this.delay = delay;
    }

    @Override
    public String name() {
        return "proxy-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Optional<String> unavailable(NemesisContext context) {
        return context.backend() == Backend.POSTGRESQL ? Optional.empty()
                : Optional.of(name() + " needs a network between clients and server; " + context.backend()
                        + " is embedded (use kill-connections, lock-holder or pause-client)");
    }

    @Override
    public boolean needsProxy() {
        return true;
    }

    @Override
    public String start(NemesisContext context) {
        TcpProxy proxy = context.proxy();
        return switch (kind) {
            case DELAY -> {
                proxy.delay(delay);
                yield "delaying every packet by " + Durations.format(delay);
            }
            case FREEZE -> {
                proxy.freeze();
                yield "froze " + proxy.openConnections() + " connections";
            }
            case RESET -> "reset " + proxy.reset() + " connections";
        };
    }

    @Override
    public String heal(NemesisContext context) {
        context.proxy().heal();
        return "forwarding normally";
    }
}
