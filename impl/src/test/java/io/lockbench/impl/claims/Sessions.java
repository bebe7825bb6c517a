package io.lockbench.impl.claims;

/** Test sessions that say who they are, so a rejection can be checked field by field. */
final class Sessions {

    private Sessions() {
    }

    static SessionInfo info(String name) {
        return new SessionInfo("host-" + name, "pts/" + name, "/work/" + name);
    }

    static Session start(ClaimStore store, String name) {
        return store.startSession(info(name));
    }
}
