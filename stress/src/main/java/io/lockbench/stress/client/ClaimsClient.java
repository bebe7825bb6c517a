package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.claims.CheckThenInsertClaimStore;
import io.lockbench.impl.claims.Claim;
import io.lockbench.impl.claims.ClaimResult;
import io.lockbench.impl.claims.ClaimStore;
import io.lockbench.impl.claims.FencedWriteResult;
import io.lockbench.impl.claims.PessimisticClaimStore;
import io.lockbench.impl.claims.ReleaseResult;
import io.lockbench.impl.claims.SessionInfo;
import io.lockbench.impl.claims.UnfencedClaimStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims workload on a pessimistic-claims variant. Each client process is one session. Its
 * session is never ended on close: a process retired after an unknown outcome may still hold
 * claims, which go stale and are taken over, as a crashed holder's would.
 */
final class ClaimsClient extends ReferenceClient {

    /** Default stale threshold in a stress run: short, so retired holders do not block a resource for long. */
    static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(2);

    private ClaimStore store;
    private String session;
    private final Map<String, Claim> held = new HashMap<>();

    ClaimsClient(Variant variant) {
        super(variant);
    }

    @Override
    protected void opened() {
        Duration staleAfter = context.duration("stale-after").orElse(DEFAULT_STALE_AFTER);
        store = switch (variant) {
            case PESSIMISTIC_CLAIMS -> new PessimisticClaimStore(db, staleAfter);
            case CHECK_THEN_INSERT -> new CheckThenInsertClaimStore(db, staleAfter, thinkTime());
            case UNFENCED_CLAIMS -> new UnfencedClaimStore(db, staleAfter);
            default -> throw new IllegalArgumentException(variant.cliName() + " is not a claims variant");
        };
    }

    @Override
    public Completion invoke(Operation op) {
        if (session == null && context.process() >= 0) {
            SessionInfo here = SessionInfo.ofThisProcess();
            session = store.startSession(new SessionInfo(here.host(), "process " + context.process(),
                    here.workingDirectory())).id();
        }
        String resource = (String) op.key();
        return switch (op.f()) {
            case "acquire" -> acquire(resource);
            case "release" -> release(resource);
            case "fenced-write" -> fencedWrite(resource, (Map<?, ?>) op.value());
            case "heartbeat" -> Completion.ok((long) store.heartbeat(session).claimsRefreshed());
            case "inspect" -> {
                Map<String, Object> seen = new LinkedHashMap<>();
                seen.put("active-claims", (long) store.activeClaims(resource).size());
                yield Completion.ok(seen);
            }
            default -> throw new IllegalArgumentException("the claims workload has no operation '" + op.f() + "'");
        };
    }

    private Completion acquire(String resource) {
        ClaimResult result = store.claim(resource, session);
        if (result instanceof ClaimResult.Granted g) {
            held.put(resource, g.claim());
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("token", g.claim().token());
            value.put("takeover", g.tookOverFrom().isPresent());
            return Completion.ok(value);
        }
        return Completion.fail("REJECTED", ((ClaimResult.Rejected) result).owner().describe());
    }

    private Completion release(String resource) {
        Claim claim = held.remove(resource);
        if (claim == null) {
            return Completion.fail("NOT_HOLDING", "this session holds no claim on '" + resource + "'");
        }
        ReleaseResult r = store.release(claim);
        return r instanceof ReleaseResult.Released ? Completion.ok(null)
                : Completion.fail("NOT_ACTIVE", "the claim on '" + resource + "' had already ended: " + r);
    }

    private Completion fencedWrite(String resource, Map<?, ?> value) {
        long token = ((Number) value.get("token")).longValue();
        FencedWriteResult r = store.fencedWrite(resource, token, String.valueOf(value.get("content")));
        return r instanceof FencedWriteResult.Rejected rejected ? Completion.fail("FENCED", rejected.describe())
                : Completion.ok(null);
    }
}
