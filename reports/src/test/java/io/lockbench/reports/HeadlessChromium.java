package io.lockbench.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, run headless on a file: it loads the page, lets its scripts run (virtual
 * time, so nothing waits on the wall clock), then writes a screenshot and prints the DOM as the
 * scripts left it. No WebDriver: the DOM dump is all the checks need.
 */
final class HeadlessChromium {

    static final String REQUIRE_ENV = "LOCKBENCH_REQUIRE_CHROMIUM";

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** {@code LOCKBENCH_CHROMIUM}, else Debian's {@code /usr/bin/chromium}, else {@code chromium} on the PATH. */
    static Optional<HeadlessChromium> find() {
        String given = System.getenv("LOCKBENCH_CHROMIUM");
        if (given != null && !given.isBlank()) {
            return Optional.of(new HeadlessChromium(Path.of(given)));
        }
        List<Path> candidates = new java.util.ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    static boolean required() {
        return "1".equals(System.getenv(REQUIRE_ENV));
    }

    /** Renders {@code page}, writes {@code screenshot} and returns the DOM after the page's scripts ran. */
    String render(Path page, Path screenshot, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("lockbench-chromium");
        Path log = screenshot.resolveSibling(screenshot.getFileName() + ".chromium.log");
        try {
            Process p = new ProcessBuilder(executable.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                    "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height, "--virtual-time-budget=10000",
                    "--screenshot=" + screenshot.toAbsolutePath(), "--dump-dom", page.toUri().toString())
                    .redirectError(log.toFile()).start();
            p.getOutputStream().close();
            byte[] dom = p.getInputStream().readAllBytes();
            // A guard against a browser that hangs, not a measurement.
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish; its log: " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("chromium exited with " + p.exitValue() + "; its log (" + log + "):\n"
                        + Files.readString(log));
            }
            return new String(dom, StandardCharsets.UTF_8);
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
