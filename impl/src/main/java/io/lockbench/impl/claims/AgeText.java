package io.lockbench.impl.claims;

/** Ages as a person reads them: "45 s ago", "2 min 5 s ago", "3 h 12 min ago", "2 d 4 h ago". */
public final class AgeText {

    private AgeText() {
    }

    public static String ago(long millis) {
        long s = Math.max(0, millis) / 1000;
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s ago";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min ago";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h ago";
    }
}
