package io.lockbench.stress.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops clients before their next operation until healed, as a long garbage-collection pause
 * would: the classic fencing case. A paused holder misses its heartbeats, its claim goes stale, a
 * competitor takes it over, and the holder wakes and writes with its old token. Options:
 * {@code targets} ({@code holder}: clients that hold a claim, else any; {@code random};
 * {@code all}), {@code count} (how many, 1 by default) and {@code before} (stall just before the
 * client's next operation of that kind, e.g. {@code fenced-write}: the holder paused on its way to
 * the resource; by default before whatever it does next).
 */
final class PauseClient implements Nemesis {

    private final String targets;
    private final int count;
    private final String before;
    private final List<ClientHandle> paused = new ArrayList<>();

    PauseClient(String targets, int count, String before) {
        if (!List.of("holder", "random", "all").contains(targets)) {
            throw new IllegalArgumentException("pause-client targets must be holder, random or all, was " + targets);
        }
        if (count < 1) {
            throw new IllegalArgumentException("pause-client count must be ≥ 1, was " + count);
        }
        this.targets = targets;
        this.count = count;
        this.before = before;
    }

    @Override
    public String name() {
        return "pause-client";
    }

    @Override
    public synchronized String start(NemesisContext context) {
        List<ClientHandle> candidates = new ArrayList<>(context.clients());
        if (before != null && !targets.equals("all")) {
            // Whoever gets there first stalls: the holder on its way to the resource, whichever client that is then.
            AtomicInteger tickets = new AtomicInteger(count);
            for (ClientHandle c : candidates) {
                c.pause(before, tickets);
                paused.add(c);
            }
            return "armed " + candidates.size() + " clients: the first " + count + " to reach a " + before + " stall";
        }
        if (targets.equals("holder")) {
            List<ClientHandle> holders = candidates.stream().filter(ClientHandle::holding).toList();
            if (!holders.isEmpty()) {
                candidates = new ArrayList<>(holders);
            }
        }
        java.util.Collections.shuffle(candidates, context.random());
        List<ClientHandle> chosen = targets.equals("all") ? candidates
                : candidates.subList(0, Math.min(count, candidates.size()));
        List<Long> processes = new ArrayList<>();
        for (ClientHandle c : chosen) {
            c.pause(before, null);
            paused.add(c);
            processes.add(c.process());
        }
        return "paused processes " + processes + (before == null ? "" : " before their next " + before);
    }

    @Override
    public synchronized String heal(NemesisContext context) {
        List<Long> stalled = new ArrayList<>();
        for (ClientHandle c : paused) {
            if (c.paused()) {
                stalled.add(c.process());
            }
            c.resume();
        }
        paused.clear();
        return "resumed; stalled were processes " + stalled;
    }
}
