package io.lockbench.stress.checker.mutex;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.HistoryScript;
import io.lockbench.stress.checker.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written histories for the mutex / fencing checker. */
class MutexCheckerTest {

    private static final String R = "r1";

    private final MutexChecker checker = new MutexChecker();

    private CheckResult check(HistoryScript h) {
        return checker.check(h.build());
    }

    private static List<String> types(CheckResult r) {
        return r.anomalies().stream().map(Anomaly::type).toList();
    }

    static Map<String, Object> takeover(long token) {
        return Map.of("token", token, "takeover", true);
    }

    static HistoryScript acquire(HistoryScript h, long process, Object granted) {
        return h.call(process, "acquire", R, null, granted);
    }

    static HistoryScript release(HistoryScript h, long process) {
        return h.call(process, "release", R, null, null);
    }

    static HistoryScript write(HistoryScript h, long process, long token) {
        return h.invoke(process, "fenced-write", R, token).ok(process);
    }

    static HistoryScript rejectedWrite(HistoryScript h, long process, long token) {
        return h.invoke(process, "fenced-write", R, token).fail(process);
    }

    @Test
    void holdersTakingTurns_isValid() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        write(h, 0, 1);
        release(h, 0);
        acquire(h, 1, 2L);
        write(h, 1, 2);
        release(h, 1);

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.summary()).contains("1 resource", "2 acquisitions (2 granted", "2 fenced writes (2 accepted");
    }

    @Test
    void twoHoldersOfOneLock_isInvalid() {
        // Check-then-insert without the partial unique index: both see no claim, both insert.
        HistoryScript h = new HistoryScript();
        h.invoke(0, "acquire", R, null).invoke(1, "acquire", R, null).ok(0, 1L).ok(1, 2L);
        release(h, 0);
        release(h, 1);

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("two-holders");
        assertThat(r.anomalies().get(0).description()).contains("process 0 held the claim (token 1)",
                "process 1 acquired it (token 2)", "no takeover");
    }

    @Test
    void holderThatNeverReleasedAndANewAcquirerWithoutTakeover_isTwoHolders() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        h.invoke(0, "fenced-write", R, 1L).info(0);
        acquire(h, 1, 2L);

        assertThat(types(check(h))).containsExactly("two-holders");
    }

    @Test
    void refusedSecondAcquire_isValid() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        h.invoke(1, "acquire", R, null).fail(1);
        release(h, 0);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void acquireOfUnknownOutcomeWhileHeld_isValid() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        h.invoke(1, "acquire", R, null).info(1);
        release(h, 0);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void acquireOfUnknownOutcomeMayHaveTakenOverBeforeALaterAcquire() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        h.invoke(2, "acquire", R, null).info(2);
        acquire(h, 1, 3L);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void releaseByTheClientsNextProcess_endsTheClaim() {
        // Process 0 was retired by an info; its client, now process 5, releases the claim by session.
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        h.invoke(0, "fenced-write", R, 1L).info(0);
        release(h, 5);
        acquire(h, 1, 2L);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void releaseOfUnknownOutcome_mayTakeEffectAfterItsInfo() {
        // An info completion says nothing about when the release lands: possibly after process 0 acquired.
        HistoryScript h = new HistoryScript();
        h.invoke(5, "release", R, null).info(5);
        acquire(h, 0, 1L);
        acquire(h, 1, 2L);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void takeoverWithAGreaterToken_isValid() {
        // Process 0 pauses past the stale threshold; process 1 expires its claim and takes over.
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        write(h, 0, 1);
        acquire(h, 1, takeover(2));
        write(h, 1, 2);
        rejectedWrite(h, 0, 1);
        release(h, 1);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void takeoverAcknowledgedBeforeTheAcquireItTookOver_isValid() {
        // Process 0's acquire (token 1) took effect first and went stale; process 1 took it over
        // (token 2); process 0's acknowledgement arrived last. Process 0 never held it after its ok.
        HistoryScript h = new HistoryScript();
        h.invoke(0, "acquire", R, null).invoke(1, "acquire", R, null).ok(1, takeover(2)).ok(0, 1L);
        write(h, 1, 2);
        rejectedWrite(h, 0, 1);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void takeoverWithASmallerToken_isInvalid() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 5L);
        acquire(h, 1, takeover(4));

        assertThat(types(check(h))).containsExactlyInAnyOrder("two-holders", "token-not-monotonic");
    }

    @Test
    void staleHolderThatWritesAfterTheTakeover_isInvalid() {
        // Claims without fencing: the paused holder wakes after the takeover and the resource accepts.
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        acquire(h, 1, takeover(2));
        write(h, 0, 1);

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("stale-holder-wrote");
        assertThat(r.anomalies().get(0).description()).contains("token 2 was granted", "older token 1");
    }

    @Test
    void staleHolderWriteConcurrentWithTheTakeover_isValid() {
        // The write may have landed before the takeover: nothing certain is wrong.
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        h.invoke(0, "fenced-write", R, 1L).invoke(1, "acquire", R, null).ok(1, takeover(2)).ok(0);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void staleWriteOfUnknownOutcome_isValid() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        acquire(h, 1, takeover(2));
        h.invoke(0, "fenced-write", R, 1L).info(0);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void fencingTokenGoingBackwards_isInvalid() {
        HistoryScript h = new HistoryScript();
        write(h, 1, 2);
        write(h, 0, 1);

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("fencing-token-regressed");
        assertThat(r.anomalies().get(0).description()).contains("token 2", "smaller token 1");
    }

    @Test
    void fencingTokenGoingBackwardsAfterATakeover_isBothRegressedAndStale() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 1L);
        acquire(h, 1, takeover(2));
        write(h, 1, 2);
        write(h, 0, 1);

        assertThat(types(check(h))).containsExactlyInAnyOrder("fencing-token-regressed", "stale-holder-wrote");
    }

    @Test
    void concurrentWritesWithTokensEitherWay_isValid() {
        HistoryScript h = new HistoryScript();
        h.invoke(0, "fenced-write", R, 2L).invoke(1, "fenced-write", R, 1L).ok(0).ok(1);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void successiveAcquisitionsWithDecreasingTokens_isTokenNotMonotonic() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 2L);
        release(h, 0);
        acquire(h, 1, 1L);
        release(h, 1);

        assertThat(types(check(h))).containsExactly("token-not-monotonic");
    }

    @Test
    void twoAcquisitionsGrantedOneToken_isTokenNotMonotonic() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, 7L);
        release(h, 0);
        acquire(h, 1, 7L);

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("token-not-monotonic");
        assertThat(r.anomalies().get(0).description()).contains("2 acquisitions were granted token 7");
    }

    @Test
    void inspectionShowingTwoActiveClaims_isTwoHolders() {
        HistoryScript h = new HistoryScript();
        h.call(3, "inspect", R, null, Map.of("active-claims", 2L, "active-session", "s1", "claim-session", "s1"));

        assertThat(types(check(h))).containsExactly("two-holders");
    }

    @Test
    void inspectionShowingTheResourceWithAnotherSession_isResourceOutOfStep() {
        HistoryScript h = new HistoryScript();
        h.call(3, "inspect", R, null, Map.of("active-claims", 1L, "active-session", "s1", "claim-session", "s2"));

        CheckResult r = check(h);

        assertThat(types(r)).containsExactly("resource-out-of-step");
        assertThat(r.anomalies().get(0).description()).contains("s1", "s2");
    }

    @Test
    void inspectionShowingAWorkingResourceWithoutAClaim_isResourceOutOfStep() {
        HistoryScript h = new HistoryScript();
        java.util.Map<String, Object> seen = new java.util.HashMap<>();
        seen.put("active-claims", 0L);
        seen.put("active-session", "s1");
        seen.put("claim-session", null);
        h.call(3, "inspect", R, null, seen);

        assertThat(types(check(h))).containsExactly("resource-out-of-step");
    }

    @Test
    void inspectionsInStep_areValid() {
        HistoryScript h = new HistoryScript();
        java.util.Map<String, Object> idle = new java.util.HashMap<>();
        idle.put(":active-claims", 0L);
        idle.put(":active-session", null);
        idle.put(":claim-session", null);
        h.call(3, "inspect", R, null, idle);
        h.call(3, "inspect", R, null, Map.of("active_claims", 1L, "active_session", "s1", "claim_session", "s1"));
        h.invoke(3, "inspect", R, null).info(3);

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void tokenGivenAsAKeywordMap_isRead() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, Map.of(":token", 3L, ":takeover", false));
        acquire(h, 1, Map.of(":token", 4L, ":takeover", true));

        assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void historyWithoutClaimOperations_isUnknown() {
        HistoryScript h = new HistoryScript();
        h.call(0, "append", "f1", "a", 1L);

        assertThat(check(h).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void resourcesAreCheckedIndependently() {
        HistoryScript h = new HistoryScript();
        h.call(0, "acquire", "a", null, 1L);
        h.call(1, "acquire", "b", null, 1L);
        h.call(0, "release", "a", null, null);
        h.call(1, "release", "b", null, null);

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.stats()).containsEntry("resources", 2);
    }

    @Test
    void acquireWithATokenThatIsNotANumber_isUnknownAndNamesTheOp() {
        HistoryScript h = new HistoryScript();
        acquire(h, 0, "one");

        CheckResult r = check(h);

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("op 1", "fencing token");
    }

    @Test
    void fencedWriteWithoutAToken_isUnknown() {
        HistoryScript h = new HistoryScript();
        h.invoke(0, "fenced-write", R, null).ok(0);

        assertThat(check(h).verdict()).isEqualTo(Verdict.UNKNOWN);
    }
}
