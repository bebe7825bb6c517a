package io.lockbench.stress.checker.sequence;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.RealTimeOrder;
import io.lockbench.stress.checker.RealTimeOrder.Inversion;
import io.lockbench.stress.checker.RealTimeOrder.Valued;
import io.lockbench.stress.checker.sequence.FileOps.Append;
import io.lockbench.stress.checker.sequence.FileOps.Entry;
import io.lockbench.stress.checker.sequence.FileOps.Read;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The sequencing rules for one file: unique versions, contiguous from 1, every acknowledged append
 * read back exactly once with the version it was told, nothing read that was not appended, and
 * versions that follow real time.
 */
final class FileCheck {

    /** At most this many missing versions are listed in a gap's description. */
    private static final int LISTED_MISSING = 10;

    static final String DUPLICATE_VERSION = "duplicate-version";
    static final String GAP = "gap";
    static final String LOST_APPEND = "lost-append";
    static final String DUPLICATED_APPEND = "duplicated-append";
    static final String PHANTOM_APPEND = "phantom-append";
    static final String VERSION_MISMATCH = "version-mismatch";
    static final String REAL_TIME_ORDER = "real-time-order";

    private final FileOps file;
    private final RealTimeOrder order;
    private final Map<Object, Append> appendByPayload = new HashMap<>();
    /** For each read (same order as {@code file.reads()}): payload → version of its first entry. */
    private final List<Map<Object, Long>> versionsRead = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();

    private FileCheck(FileOps file, RealTimeOrder order) {
        this.file = file;
        this.order = order;
        for (Append a : file.appends()) {
            appendByPayload.put(a.payload(), a);
        }
        for (Read r : file.reads()) {
            Map<Object, Long> versions = new HashMap<>();
            for (Entry e : r.entries()) {
                versions.putIfAbsent(e.payload(), e.version());
            }
            versionsRead.add(versions);
        }
    }

    static List<Anomaly> check(FileOps file, RealTimeOrder order) {
        FileCheck c = new FileCheck(file, order);
        c.duplicateVersions();
        c.duplicatedAppends();
        c.phantomAppends();
        c.versionMismatches();
        Read last = file.finalRead();
        if (last != null) {
            c.gap(last);
            c.lostAppends(last);
        }
        c.realTimeOrder();
        return c.anomalies;
    }

    /** Two payloads told the same version, or read at the same version. */
    private void duplicateVersions() {
        Map<Long, Map<Object, Set<Op>>> told = new TreeMap<>();
        for (Append a : file.appends()) {
            if (a.operation().ok() && a.version() != null) {
                claims(told, a.version(), a.payload()).addAll(a.evidence());
            }
        }
        Map<Long, Map<Object, Set<Op>>> stored = new TreeMap<>();
        for (Read r : file.reads()) {
            for (Entry e : r.entries()) {
                claims(stored, e.version(), e.payload()).add(r.evidence());
            }
        }
        Set<Long> versions = new TreeSet<>(told.keySet());
        versions.addAll(stored.keySet());
        for (long v : versions) {
            Map<Object, Set<Op>> byTold = told.getOrDefault(v, Map.of());
            Map<Object, Set<Op>> byStored = stored.getOrDefault(v, Map.of());
            if (byTold.size() < 2 && byStored.size() < 2) {
                continue;
            }
            Set<Object> payloads = new LinkedHashSet<>(byTold.keySet());
            payloads.addAll(byStored.keySet());
            List<Op> evidence = new ArrayList<>();
            byTold.values().forEach(evidence::addAll);
            byStored.values().forEach(evidence::addAll);
            String how = byTold.size() >= 2 ? "acknowledged to" : "read for";
            add(DUPLICATE_VERSION, "version " + v + " was " + how + " " + payloads.size() + " different appends: "
                    + quoted(payloads), evidence);
        }
    }

    private static Set<Op> claims(Map<Long, Map<Object, Set<Op>>> m, long version, Object payload) {
        return m.computeIfAbsent(version, v -> new LinkedHashMap<>())
                .computeIfAbsent(payload, p -> new LinkedHashSet<>());
    }

    private void duplicatedAppends() {
        Set<Object> reported = new HashSet<>();
        for (Read r : file.reads()) {
            Map<Object, List<Long>> versionsOf = new LinkedHashMap<>();
            for (Entry e : r.entries()) {
                versionsOf.computeIfAbsent(e.payload(), p -> new ArrayList<>()).add(e.version());
            }
            versionsOf.forEach((payload, versions) -> {
                if (versions.size() > 1 && reported.add(payload)) {
                    List<Op> evidence = new ArrayList<>(List.of(r.evidence()));
                    Append a = appendByPayload.get(payload);
                    if (a != null) {
                        evidence.addAll(a.evidence());
                    }
                    add(DUPLICATED_APPEND, "the append of " + quote(payload) + " appears " + versions.size()
                            + " times in the read (op " + r.evidence().index() + "), as versions " + versions, evidence);
                }
            });
        }
    }

    /** A read entry whose append failed, or that was never appended to this file. */
    private void phantomAppends() {
        Set<Object> reported = new HashSet<>();
        for (Read r : file.reads()) {
            for (Entry e : r.entries()) {
                Append a = appendByPayload.get(e.payload());
                if ((a != null && !a.operation().failed()) || !reported.add(e.payload())) {
                    continue;
                }
                List<Op> evidence = new ArrayList<>(List.of(r.evidence()));
                String why;
                if (a == null) {
                    why = "no append of it to this file was ever invoked";
                } else {
                    why = "its append failed (op " + a.operation().completion().index() + ")";
                    evidence.addAll(a.evidence());
                }
                add(PHANTOM_APPEND, "the read (op " + r.evidence().index() + ") shows " + quote(e.payload())
                        + " as version " + e.version() + ", but " + why, evidence);
            }
        }
    }

    private void versionMismatches() {
        for (Append a : file.appends()) {
            if (!a.operation().ok() || a.version() == null) {
                continue;
            }
            for (int i = 0; i < file.reads().size(); i++) {
                Long stored = versionsRead.get(i).get(a.payload());
                if (stored != null && stored.longValue() != a.version()) {
                    Read r = file.reads().get(i);
                    List<Op> evidence = new ArrayList<>(a.evidence());
                    evidence.add(r.evidence());
                    add(VERSION_MISMATCH, "the append of " + quote(a.payload()) + " was told version " + a.version()
                            + ", but the read (op " + r.evidence().index() + ") has it as version " + stored, evidence);
                    break;
                }
            }
        }
    }

    private void gap(Read last) {
        TreeSet<Long> present = new TreeSet<>();
        for (Entry e : last.entries()) {
            present.add(e.version());
        }
        if (present.isEmpty()) {
            return;
        }
        long max = present.last();
        List<Long> missing = new ArrayList<>();
        long missingCount = 0;
        long previous = 0;
        for (long v : present) {
            if (v < 1) {
                continue;
            }
            for (long m = previous + 1; m < v && missing.size() < LISTED_MISSING; m++) {
                missing.add(m);
            }
            missingCount += v - previous - 1;
            previous = v;
        }
        List<Long> belowOne = present.stream().filter(v -> v < 1).collect(Collectors.toList());
        if (missingCount == 0 && belowOne.isEmpty()) {
            return;
        }
        StringBuilder d = new StringBuilder("the final read (op ").append(last.evidence().index())
                .append(") is not numbered contiguously from 1:");
        if (missingCount > 0) {
            d.append(" version").append(missingCount == 1 ? " " : "s ")
                    .append(missing.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(missingCount > missing.size() ? " … (" + missingCount + " in all)" : "")
                    .append(missingCount == 1 ? " is" : " are").append(" missing below ").append(max);
        }
        if (!belowOne.isEmpty()) {
            d.append(missingCount > 0 ? ";" : "").append(" versions below 1: ").append(belowOne);
        }
        add(GAP, d.toString(), List.of(last.evidence()));
    }

    /** Acknowledged before the final read began, yet not in it. Concurrent appends may be absent. */
    private void lostAppends(Read last) {
        Map<Object, Long> inFinal = versionsRead.get(versionsRead.size() - 1);
        for (Append a : file.appends()) {
            if (a.operation().ok() && !inFinal.containsKey(a.payload())
                    && order.precedes(a.operation(), last.operation())) {
                List<Op> evidence = new ArrayList<>(a.evidence());
                evidence.add(last.evidence());
                add(LOST_APPEND, "the append of " + quote(a.payload()) + " was acknowledged"
                        + (a.version() == null ? "" : " as version " + a.version())
                        + " before the final read (op " + last.evidence().index() + ") began, but that read lacks it",
                        evidence);
            }
        }
    }

    /** An append that completed before another began must have the smaller version. */
    private void realTimeOrder() {
        List<Valued<Append>> completed = new ArrayList<>();
        List<Valued<Append>> all = new ArrayList<>();
        for (Append a : file.appends()) {
            Long v = effectiveVersion(a);
            if (v == null) {
                continue;
            }
            Valued<Append> item = new Valued<>(a, a.operation(), v);
            all.add(item);
            if (a.operation().ok()) {
                completed.add(item);
            }
        }
        for (Inversion<Append> inv : order.inversions(completed, all, true)) {
            Append first = inv.earlier().item();
            Append second = inv.later().item();
            List<Op> evidence = new ArrayList<>(first.evidence());
            evidence.addAll(second.evidence());
            add(REAL_TIME_ORDER, "the append of " + quote(first.payload()) + " (version " + inv.earlier().value()
                    + ") completed before the append of " + quote(second.payload()) + " began, yet the later one got "
                    + "version " + inv.later().value(), evidence);
        }
    }

    /** The version told to an ok append; otherwise the version it was read at (final read first). */
    private Long effectiveVersion(Append a) {
        if (a.operation().failed()) {
            return null;
        }
        if (a.operation().ok() && a.version() != null) {
            return a.version();
        }
        for (int i = versionsRead.size() - 1; i >= 0; i--) {
            Long v = versionsRead.get(i).get(a.payload());
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private void add(String type, String description, Collection<Op> evidence) {
        List<Op> ops = new ArrayList<>(new LinkedHashSet<>(evidence));
        ops.sort(Comparator.comparingLong(Op::index));
        anomalies.add(new Anomaly(type, "file " + file.file() + ": " + description, ops));
    }

    private static String quoted(Collection<Object> payloads) {
        return payloads.stream().map(FileCheck::quote).collect(Collectors.joining(", "));
    }

    private static String quote(Object payload) {
        return payload instanceof String s ? '"' + s + '"' : String.valueOf(payload);
    }
}
