package io.lockbench.stress.checker.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.HistoryScript;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written histories for the sequence checker; each invalid one shows one anomaly type. */
class SequenceCheckerTest {

    private static final String FILE = "f1";

    private final SequenceChecker checker = new SequenceChecker();

    /** A read's value: alternating version, payload. */
    static List<Object> versions(Object... versionThenPayload) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < versionThenPayload.length; i += 2) {
            out.add(List.of(((Number) versionThenPayload[i]).longValue(), versionThenPayload[i + 1]));
        }
        return out;
    }

    static HistoryScript append(HistoryScript h, long process, String payload, long version) {
        return h.call(process, "append", FILE, payload, version);
    }

    static HistoryScript finalRead(HistoryScript h, List<Object> value) {
        return h.call(9, "read", FILE, null, value);
    }

    private CheckResult check(HistoryScript h) {
        return checker.check(h.build());
    }

    private static List<String> types(CheckResult r) {
        return r.anomalies().stream().map(Anomaly::type).toList();
    }

    @Test
    void serialAppendsReadBackInOrder_isValid() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        append(h, 1, "b", 2);
        append(h, 0, "c", 3);
        finalRead(h, versions(1, "a", 2, "b", 3, "c"));

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.summary()).contains("1 file", "3 appends (3 ok, 0 failed, 0 indeterminate)", "valid");
    }

    @Test
    void twoAppendsToldTheSameVersion_isDuplicateVersion() {
        // The broken twin: max(version)+1 read outside the transaction, no unique constraint.
        HistoryScript h = new HistoryScript();
        h.invoke(0, "append", FILE, "a").invoke(1, "append", FILE, "b").ok(0, 1L).ok(1, 1L);
        finalRead(h, versions(1, "a", 1, "b"));

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(types(r)).containsExactly("duplicate-version");
        assertThat(r.anomalies().get(0).description()).contains("version 1", "\"a\"", "\"b\"");
        assertThat(r.anomalies().get(0).ops()).extracting(Op::index).containsExactly(0L, 1L, 2L, 3L, 5L);
    }

    @Test
    void readShowingTwoPayloadsAtOneVersion_isDuplicateVersion() {
        // The clients were not told their versions; only the read shows the duplicate.
        HistoryScript h = new HistoryScript();
        h.call(0, "append", FILE, "a", null);
        h.call(1, "append", FILE, "b", null);
        finalRead(h, versions(1, "a", 1, "b"));

        assertThat(types(check(h))).containsExactly("duplicate-version");
    }

    @Test
    void twoReadsDisagreeingAboutAVersion_isDuplicateVersion() {
        HistoryScript h = new HistoryScript();
        h.call(0, "append", FILE, "a", null);
        h.call(1, "append", FILE, "b", null);
        h.call(8, "read", FILE, null, versions(1, "a"));
        finalRead(h, versions(1, "b", 2, "a"));

        assertThat(types(check(h))).contains("duplicate-version");
    }

    @Test
    void finalReadWithAMissingVersion_isGap() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        append(h, 0, "b", 3);
        finalRead(h, versions(1, "a", 3, "b"));

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("gap");
        assertThat(r.anomalies().get(0).description()).contains("version 2 is missing");
    }

    @Test
    void finalReadNotStartingAtOne_isGap() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 2);
        finalRead(h, versions(2, "a"));

        assertThat(types(check(h))).containsExactly("gap");
    }

    @Test
    void acknowledgedAppendMissingFromTheFinalRead_isLostAppend() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        append(h, 1, "b", 2);
        finalRead(h, versions(1, "a"));

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("lost-append");
        assertThat(r.anomalies().get(0).description()).contains("\"b\"", "version 2");
    }

    @Test
    void appendConcurrentWithTheFinalRead_mayBeAbsent() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        h.invoke(1, "append", FILE, "b").invoke(9, "read", FILE, null).ok(1, 2L).ok(9, versions(1, "a"));

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void payloadReadTwice_isDuplicatedAppend() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        finalRead(h, versions(1, "a", 2, "a"));

        CheckResult r = check(h);

        assertThat(types(r)).contains("duplicated-append");
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void indeterminateAppendReadTwice_isDuplicatedAppend() {
        HistoryScript h = new HistoryScript();
        h.invoke(0, "append", FILE, "a").info(0);
        finalRead(h, versions(1, "a", 2, "a"));

        assertThat(types(check(h))).containsExactly("duplicated-append");
    }

    @Test
    void failedAppendInTheFinalRead_isPhantomAppend() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        h.invoke(1, "append", FILE, "b").fail(1);
        finalRead(h, versions(1, "a", 2, "b"));

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("phantom-append");
        assertThat(r.anomalies().get(0).description()).contains("its append failed");
    }

    @Test
    void failedAppendAbsentFromTheFinalRead_isValid() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        h.invoke(1, "append", FILE, "b").fail(1);
        finalRead(h, versions(1, "a"));

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void payloadNeverAppended_isPhantomAppend() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        finalRead(h, versions(1, "a", 2, "zzz"));

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("phantom-append");
        assertThat(r.anomalies().get(0).description()).contains("no append of it to this file was ever invoked");
    }

    @Test
    void readVersionDifferentFromTheAcknowledgedOne_isVersionMismatch() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        append(h, 1, "b", 2);
        finalRead(h, versions(1, "b", 2, "a"));

        CheckResult r = check(h);

        assertThat(types(r)).contains("version-mismatch");
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void appendThatCompletedFirstWithTheLargerVersion_isRealTimeOrderViolation() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 2);
        append(h, 1, "b", 1);
        finalRead(h, versions(1, "b", 2, "a"));

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("real-time-order");
        assertThat(r.anomalies().get(0).description()).contains("\"a\" (version 2) completed before", "\"b\"");
    }

    @Test
    void concurrentAppendsOrderedOneWay_isValid() {
        HistoryScript h = new HistoryScript();
        h.invoke(0, "append", FILE, "a").invoke(1, "append", FILE, "b").ok(0, 1L).ok(1, 2L);
        finalRead(h, versions(1, "a", 2, "b"));

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void concurrentAppendsOrderedTheOtherWay_isValid() {
        HistoryScript h = new HistoryScript();
        h.invoke(0, "append", FILE, "a").invoke(1, "append", FILE, "b").ok(0, 2L).ok(1, 1L);
        finalRead(h, versions(1, "b", 2, "a"));

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void indeterminateAppendPresentInTheFinalRead_isValid() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        h.invoke(1, "append", FILE, "b").info(1);
        append(h, 2, "c", 3);
        finalRead(h, versions(1, "a", 2, "b", 3, "c"));

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void indeterminateAppendAbsentFromTheFinalRead_isValid() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        h.invoke(1, "append", FILE, "b").info(1);
        append(h, 2, "c", 2);
        finalRead(h, versions(1, "a", 2, "c"));

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void appendThatNeverCompleted_mayBePresent() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        h.invoke(1, "append", FILE, "b");
        finalRead(h, versions(1, "a", 2, "b"));

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void indeterminateAppendInvokedAfterAnAckButReadBeforeIt_isRealTimeOrderViolation() {
        // "b" may have taken effect late, but never before it was invoked, i.e. after "a" was acknowledged.
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 2);
        h.invoke(1, "append", FILE, "b").info(1);
        finalRead(h, versions(1, "b", 2, "a"));

        assertThat(types(check(h))).containsExactly("real-time-order");
    }

    @Test
    void noFinalRead_checksWhatItCanAndSaysSo() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        append(h, 1, "b", 2);

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.summary()).contains("no final read of file f1", "only duplicate versions and real-time order");
    }

    @Test
    void noFinalRead_stillFindsDuplicateVersionsAndRealTimeViolations() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 2);
        append(h, 1, "b", 2);
        append(h, 2, "c", 1);

        assertThat(types(check(h))).containsExactlyInAnyOrder("duplicate-version", "real-time-order");
    }

    @Test
    void filesAreCheckedIndependently() {
        HistoryScript h = new HistoryScript();
        h.call(0, "append", "f1", "a", 1L);
        h.call(0, "append", "f2", "b", 1L);
        h.call(9, "read", "f1", null, versions(1, "a"));
        h.call(9, "read", "f2", null, versions(1, "b"));

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.stats()).containsEntry("files", 2);
    }

    @Test
    void realTimeFollowsTimesEvenWhenRecordsAreOutOfOrder() {
        // Records merged from two clients: "b" is written second but completed first (time 5).
        History h = new History(List.of(
                new Op(0, io.lockbench.stress.history.OpType.INVOKE, 0, "append", FILE, "a", 10, null),
                new Op(1, io.lockbench.stress.history.OpType.OK, 0, "append", FILE, 1L, 20, null),
                new Op(2, io.lockbench.stress.history.OpType.INVOKE, 1, "append", FILE, "b", 0, null),
                new Op(3, io.lockbench.stress.history.OpType.OK, 1, "append", FILE, 2L, 5, null)));

        assertThat(types(checker.check(h))).containsExactly("real-time-order");
    }

    @Test
    void payloadAppendedTwice_isUnknown() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        append(h, 1, "a", 2);

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("op 2", "payloads must be unique");
    }

    @Test
    void readThatIsNotAListOfPairs_isUnknownAndNamesTheOp() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        finalRead(h, List.of("a"));

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("op 3", "[version payload]");
    }

    @Test
    void historyWithoutAppendsOrReads_isUnknown() {
        HistoryScript h = new HistoryScript();
        h.call(0, "acquire", "r1", null, 1L);

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("nothing to check");
    }

    @Test
    void operationsOfOtherModelsAreIgnored() {
        HistoryScript h = new HistoryScript();
        append(h, 0, "a", 1);
        h.call(1, "acquire", "r1", null, 1L);
        finalRead(h, versions(1, "a"));

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }
}
