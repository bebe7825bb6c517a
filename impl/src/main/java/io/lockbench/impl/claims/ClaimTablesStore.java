package io.lockbench.impl.claims;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the correct store and its twins do alike (sessions, heartbeats, release, cleanup, reads,
 * fenced writes), over one set of {@link ClaimTables}. Subclasses decide how a claim is taken,
 * which is where the twins go wrong, and the unfenced twin also how a write is checked.
 */
abstract class ClaimTablesStore implements ClaimStore {

    final ClaimTables tables;

    ClaimTablesStore(ClaimTables tables) {
        this.tables = tables;
    }

    @Override
    public FencedWriteResult fencedWrite(String resourceId, long token, String content) {
        return tables.fencedWrite(resourceId, token, content);
    }

    @Override
    public Duration staleAfter() {
        return tables.staleAfter;
    }

    @Override
    public Session startSession(SessionInfo info) {
        return tables.startSession(info);
    }

    @Override
    public List<Claim> endSession(String sessionId) {
        return tables.endSession(sessionId);
    }

    @Override
    public Beat heartbeat(String sessionId) {
        return tables.heartbeat(sessionId);
    }

    @Override
    public ReleaseResult release(Claim claim) {
        return tables.release(claim);
    }

    @Override
    public List<Claim> expireStale() {
        return tables.expireStale();
    }

    @Override
    public Optional<Resource> resource(String resourceId) {
        return tables.resource(resourceId);
    }

    @Override
    public List<Claim> activeClaims(String resourceId) {
        return tables.activeClaims(resourceId);
    }

    @Override
    public List<Claim> claimsOf(String sessionId) {
        return tables.activeClaimsOfSession(sessionId);
    }

    @Override
    public List<SessionView> sessions() {
        return tables.sessions();
    }
}
