package io.lockbench.cli;

import io.lockbench.impl.claims.Claim;
import io.lockbench.impl.claims.ClaimResult;
import io.lockbench.impl.claims.Owner;
import io.lockbench.impl.claims.PessimisticClaimStore;
import io.lockbench.impl.claims.ReleaseResult;
import io.lockbench.impl.claims.Session;
import io.lockbench.impl.claims.SessionInfo;
import io.lockbench.impl.claims.SessionView;
import io.lockbench.impl.db.Database;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lockbench claims sessions|claim|release|next}: the pessimistic claims of a database, for people. */
@Command(name = "claims",
        mixinStandardHelpOptions = true,
        description = "Look at and change pessimistic claims (the lb_claims tables) of a database.",
        subcommands = {ClaimsCommand.Sessions.class, ClaimsCommand.ClaimOne.class, ClaimsCommand.Release.class,
                ClaimsCommand.Next.class})
final class ClaimsCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The store over {@code --db}, with the stale threshold the application recorded there. */
    static PessimisticClaimStore store(Database db) {
        return PessimisticClaimStore.withRecordedStaleAfter(db);
    }

    /** Who this command line is, as a session: host, terminal, directory. */
    static SessionInfo whoAmI() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        String tty = System.getenv("SSH_TTY") != null ? System.getenv("SSH_TTY") : "lockbench claims";
        return new SessionInfo(host, tty, System.getProperty("user.dir"));
    }

    /** The session to act for: {@code --session}, else a new one of this command line. */
    static final class SessionOption {
        @Option(names = "--session", paramLabel = "ID",
                description = "Act for this open session (default: start a new one for this host and directory)")
        String sessionId;

        /** Set when {@link #resolve} started a session of its own, which a refusal ends again. */
        private String started;

        String resolve(PessimisticClaimStore store, PrintWriter out) {
            if (sessionId != null) {
                return sessionId;
            }
            Session s = store.startSession(whoAmI());
            started = s.id();
            out.printf("started session %s; it beats only while a program heartbeats it, so its claims go stale "
                    + "after %s%n", s.id(), SessionTable.minutesOrSeconds(store.staleAfter()));
            return s.id();
        }

        /**
         * Ends the session {@link #resolve} started when it got nothing: an idle session of a
         * command line would otherwise sit in {@code claims sessions} until someone ends it.
         */
        void endIfStartedFor(PessimisticClaimStore store, PrintWriter out) {
            if (started != null) {
                store.endSession(started);
                out.printf("ended session %s again: it holds nothing%n", started);
            }
        }
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true, description = {
            "Every session from the lb_active_sessions view, the heartbeat coloured by age: green under 60 s,",
            "yellow under 180 s, red beyond (plain when not on a terminal, unless --color always).",
            "Exit codes: 0 shown, 2 error."})
    static final class Sessions implements Callable<Integer> {
        @Mixin
        DatabaseOption where;

        @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
                description = "auto, always or never (default: ${DEFAULT-VALUE})")
        Colour colour;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = where.open(false)) {
                List<SessionView> sessions = store(db).sessions();
                PrintWriter out = spec.commandLine().getOut();
                SessionTable.print(sessions, colour.ansi(), out);
                out.printf("%d session%s on %s%n", sessions.size(), sessions.size() == 1 ? "" : "s", db.url());
                return Lockbench.EXIT_VALID;
            }
        }
    }

    /** When to colour. */
    enum Colour {
        auto(Ansi.AUTO), always(Ansi.ON), never(Ansi.OFF);

        private final Ansi ansi;

        Colour(Ansi ansi) {
            this.ansi = ansi;
        }

        Ansi ansi() {
            return ansi;
        }
    }

    @Command(name = "claim", mixinStandardHelpOptions = true, description = {
            "Claim RESOURCE; when another session holds it, say who (session, host, terminal, directory, heartbeat).",
            "Exit codes: 0 claimed, 1 refused, 2 error."})
    static final class ClaimOne implements Callable<Integer> {
        @Mixin
        DatabaseOption where;

        @Mixin
        SessionOption session;

        @Parameters(paramLabel = "RESOURCE", description = "The resource to claim")
        String resource;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = where.open(false)) {
                PessimisticClaimStore store = store(db);
                PrintWriter out = spec.commandLine().getOut();
                ClaimResult result = store.claim(resource, session.resolve(store, out));
                int exit = report(result, out);
                if (result instanceof ClaimResult.Rejected) {
                    session.endIfStartedFor(store, out);
                }
                return exit;
            }
        }
    }

    static int report(ClaimResult result, PrintWriter out) {
        if (result instanceof ClaimResult.Granted g) {
            Claim c = g.claim();
            out.printf("claimed '%s' for session %s (claim %d, fencing token %d)%s%n", c.resourceId(), c.sessionId(),
                    c.id(), c.token(), g.tookOverFrom().map(old -> "; took it over from stale session "
                            + old.sessionId()).orElse(""));
            return Lockbench.EXIT_VALID;
        }
        Owner owner = ((ClaimResult.Rejected) result).owner();
        out.printf("refused: %s%n", owner.describe());
        return Lockbench.EXIT_INVALID;
    }

    @Command(name = "release", mixinStandardHelpOptions = true, description = {
            "Release the active claim of RESOURCE (only if --session holds it, when given).",
            "Exit codes: 0 released, 1 not claimed or held by another session, 2 error."})
    static final class Release implements Callable<Integer> {
        @Mixin
        DatabaseOption where;

        @Option(names = "--session", paramLabel = "ID", description = "Release only if this session holds it")
        String sessionId;

        @Parameters(paramLabel = "RESOURCE", description = "The resource to release")
        String resource;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = where.open(false)) {
                PessimisticClaimStore store = store(db);
                PrintWriter out = spec.commandLine().getOut();
                List<Claim> active = store.activeClaims(resource);
                if (active.isEmpty()) {
                    out.printf("'%s' is not claimed: nothing to release%n", resource);
                    return Lockbench.EXIT_INVALID;
                }
                Claim claim = active.get(0);
                if (sessionId != null && !sessionId.equals(claim.sessionId())) {
                    out.printf("not released: %s%n", store.owner(resource).map(Owner::describe)
                            .orElse("'" + resource + "' is held by session " + claim.sessionId()));
                    return Lockbench.EXIT_INVALID;
                }
                ReleaseResult r = store.release(claim);
                if (r instanceof ReleaseResult.Released) {
                    out.printf("released '%s' (claim %d of session %s)%n", resource, claim.id(), claim.sessionId());
                    return Lockbench.EXIT_VALID;
                }
                out.printf("'%s' was no longer claimed (claim %d ended meanwhile)%n", resource, claim.id());
                return Lockbench.EXIT_INVALID;
            }
        }
    }

    @Command(name = "next", mixinStandardHelpOptions = true, description = {
            "Claim the first free RESOURCE (in the order given; without any, every known resource by id), a",
            "stale claim being taken over. Shows what it claimed and for whom; when every one is held, who",
            "holds each. Exit codes: 0 claimed, 1 nothing free, 2 error."})
    static final class Next implements Callable<Integer> {
        @Mixin
        DatabaseOption where;

        @Mixin
        SessionOption session;

        @Parameters(paramLabel = "RESOURCE", arity = "0..*", description = "Candidates, in order")
        List<String> resources = new ArrayList<>();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = where.open(false)) {
                PessimisticClaimStore store = store(db);
                PrintWriter out = spec.commandLine().getOut();
                List<String> candidates = resources.isEmpty() ? store.resourceIds() : resources;
                if (candidates.isEmpty()) {
                    out.println("no resource to claim: none was ever claimed here; name some, e.g. 'claims next a b'");
                    return Lockbench.EXIT_INVALID;
                }
                String sessionId = session.resolve(store, out);
                List<Owner> refusals = new ArrayList<>();
                for (String resource : candidates) {
                    ClaimResult result = store.claim(resource, sessionId);
                    if (result instanceof ClaimResult.Granted) {
                        return report(result, out);
                    }
                    refusals.add(((ClaimResult.Rejected) result).owner());
                }
                out.printf("nothing free among %d resource%s:%n", candidates.size(), candidates.size() == 1 ? "" : "s");
                refusals.forEach(o -> out.printf("  %s%n", o.describe()));
                session.endIfStartedFor(store, out);
                return Lockbench.EXIT_INVALID;
            }
        }
    }
}
