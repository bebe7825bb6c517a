package io.lockbench.stress.nemesis;

import io.lockbench.stress.scenario.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Moves the clock clients read ({@code ClientContext.clock()}) by {@code offset} (default
 * {@code -1m}: behind), for {@code count} clients (all by default), until healed. Code that judges
 * time by its own clock (heartbeat ages, lease expiry) then disagrees with its peers; lockbench's
 * reference strategies judge by the database's clock and must not notice.
 */
final class ClockSkew implements Nemesis {

    private final Duration offset;
    private final int count;
    private final List<ClientHandle> skewed = new ArrayList<>();

    ClockSkew(Duration offset, int count) {
        this.offset = offset;
        this.count = count;
    }

    @Override
    public String name() {
        return "clock-skew";
    }

    @Override
    public synchronized String start(NemesisContext context) {
        List<ClientHandle> clients = new ArrayList<>(context.clients());
        Collections.shuffle(clients, context.random());
        List<Long> processes = new ArrayList<>();
        for (ClientHandle c : clients.subList(0, count <= 0 ? clients.size() : Math.min(count, clients.size()))) {
            c.skewClock(offset);
            skewed.add(c);
            processes.add(c.process());
        }
        return "clocks of processes " + processes + " off by " + Durations.format(offset);
    }

    @Override
    public synchronized String heal(NemesisContext context) {
        skewed.forEach(c -> c.skewClock(Duration.ZERO));
        skewed.clear();
        return "clocks put right";
    }
}
