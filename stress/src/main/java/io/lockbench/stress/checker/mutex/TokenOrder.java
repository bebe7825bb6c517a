package io.lockbench.stress.checker.mutex;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.RealTimeOrder;
import io.lockbench.stress.checker.RealTimeOrder.Inversion;
import io.lockbench.stress.checker.RealTimeOrder.Valued;
import io.lockbench.stress.checker.mutex.ResourceOps.Acquisition;
import io.lockbench.stress.checker.mutex.ResourceOps.FencedWrite;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fencing tokens: granted in increasing order, and honoured by the protected resource.
 *
 * <ul>
 *   <li>{@code token-not-monotonic}: two acquisitions granted one token, or an acquisition that
 *       completed before another began has the greater or equal token;</li>
 *   <li>{@code fencing-token-regressed}: an accepted write completed before another accepted write
 *       began, with a greater token;</li>
 *   <li>{@code stale-holder-wrote}: a write with token t was accepted although an acquisition of a
 *       token t' &gt; t had completed before the write began (a paused holder woke up after a
 *       takeover and the resource let it write). This assumes, as lockbench's claims do, that the
 *       resource learns the current token together with the claim.</li>
 * </ul>
 * Only {@code ok} acquisitions and {@code ok} (accepted) writes are evidence, so operations of
 * unknown outcome never cause an alarm.
 */
final class TokenOrder {

    static final String TOKEN_NOT_MONOTONIC = "token-not-monotonic";
    static final String FENCING_TOKEN_REGRESSED = "fencing-token-regressed";
    static final String STALE_HOLDER_WROTE = "stale-holder-wrote";

    private TokenOrder() {
    }

    static List<Anomaly> check(ResourceOps resource, RealTimeOrder order) {
        List<Valued<Op>> granted = new ArrayList<>();
        for (Acquisition a : resource.acquisitions()) {
            if (a.operation().ok() && a.token() != null) {
                granted.add(new Valued<>(a.evidence(), a.operation(), a.token()));
            }
        }
        List<Valued<Op>> accepted = new ArrayList<>();
        for (FencedWrite w : resource.writes()) {
            if (w.operation().ok()) {
                accepted.add(new Valued<>(w.evidence(), w.operation(), w.token()));
            }
        }
        String name = "resource " + resource.resource() + ": ";
        List<Anomaly> anomalies = new ArrayList<>(sharedTokens(name, granted));
        for (Inversion<Op> i : order.inversions(granted, granted, true)) {
            anomalies.add(anomaly(TOKEN_NOT_MONOTONIC, name + "the acquisition at op " + i.earlier().item().index()
                    + " got token " + i.earlier().value() + " and completed before the acquisition at op "
                    + i.later().item().index() + " began, which got the smaller token " + i.later().value(), i));
        }
        for (Inversion<Op> i : order.inversions(accepted, accepted, true)) {
            anomalies.add(anomaly(FENCING_TOKEN_REGRESSED, name + "the resource accepted a write with token "
                    + i.earlier().value() + " (op " + i.earlier().item().index() + "), then a later write with the "
                    + "smaller token " + i.later().value() + " (op " + i.later().item().index() + ")", i));
        }
        for (Inversion<Op> i : order.inversions(granted, accepted, true)) {
            anomalies.add(anomaly(STALE_HOLDER_WROTE, name + "token " + i.earlier().value() + " was granted (op "
                    + i.earlier().item().index() + ") before a write with the older token " + i.later().value()
                    + " began, yet the resource accepted that write (op " + i.later().item().index() + ")", i));
        }
        return anomalies;
    }

    private static List<Anomaly> sharedTokens(String name, List<Valued<Op>> granted) {
        Map<Long, List<Op>> byToken = new LinkedHashMap<>();
        for (Valued<Op> g : granted) {
            byToken.computeIfAbsent(g.value(), t -> new ArrayList<>()).add(g.item());
        }
        List<Anomaly> out = new ArrayList<>();
        byToken.forEach((token, ops) -> {
            if (ops.size() > 1) {
                out.add(new Anomaly(TOKEN_NOT_MONOTONIC, name + ops.size() + " acquisitions were granted token "
                        + token + " (ops " + ops.stream().map(o -> String.valueOf(o.index())).toList() + ")", ops));
            }
        });
        return out;
    }

    private static Anomaly anomaly(String type, String description, Inversion<Op> i) {
        List<Op> ops = new ArrayList<>(List.of(i.earlier().item(), i.later().item()));
        ops.sort(Comparator.comparingLong(Op::index));
        return new Anomaly(type, description, ops);
    }
}
