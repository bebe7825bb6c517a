package io.lockbench.cli;

import io.lockbench.impl.claims.SessionStatus;
import io.lockbench.impl.claims.SessionView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/** The sessions view as a table for a terminal, the heartbeat coloured by its age. */
final class SessionTable {

    static final long GREEN_BELOW_SECONDS = 60;
    static final long YELLOW_BELOW_SECONDS = 180;

    private static final String[] HEADER = {"SESSION", "STATUS", "HEARTBEAT", "STALE IN", "CLAIMS", "HELD", "HOST",
            "TERMINAL", "DIRECTORY"};

    private SessionTable() {
    }

    /** green under 60 s, yellow under 180 s, red beyond. */
    static String colourOf(long heartbeatAgeSeconds) {
        return heartbeatAgeSeconds < GREEN_BELOW_SECONDS ? "green"
                : heartbeatAgeSeconds < YELLOW_BELOW_SECONDS ? "yellow" : "red";
    }

    static void print(List<SessionView> sessions, Ansi ansi, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (SessionView s : sessions) {
            rows.add(new String[] {s.sessionId(), s.status().name().toLowerCase(Locale.ROOT), s.heartbeatAgeText(),
                    s.status() == SessionStatus.RELEASED ? "-" : s.secondsUntilStale() + "s", Integer.toString(s.activeClaims()),
                    s.claimDurationMillis().isPresent() ? s.claimDurationMillis().getAsLong() / 60_000 + "m" : "-",
                    s.host(), s.terminal(), s.workingDirectory()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < HEADER.length; i++) {
                String cell = String.format("%-" + widths[i] + "s", rows.get(r)[i]);
                if (r > 0 && i == 2) {
                    // Padding inside the colour, so columns line up whether or not it is shown.
                    cell = ansi.string("@|" + colourOf(sessions.get(r - 1).heartbeatAgeSeconds()) + " " + cell + "|@");
                }
                line.append(cell).append(i < HEADER.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** "5m", "30s": a threshold as a person reads it. */
    static String minutesOrSeconds(Duration d) {
        long s = d.toSeconds();
        return s >= 60 && s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
