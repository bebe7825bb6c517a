package io.lockbench.bench.run;

import io.lockbench.impl.db.Backend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code environment} every result of a run carries in the results file: the command, the
 * preset, lockbench's version and commit, the JVM, the machine (with its load average at the start
 * and the end, since a busy machine gives lower figures) and each backend's version and settings.
 */
final class RunEnvironment {

    private RunEnvironment() {
    }

    static Map<String, Object> atStart(BenchRequest request, Map<Backend, Map<String, Object>> databases) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("command", request.command());
        env.put("preset", request.preset().cliName());
        env.put("startedAt", Instant.now().toString());
        env.put("lockbench", Map.of("version", version(), "commit", gitCommit()));
        env.put("jvm", jvm());
        env.put("machine", machine());
        Map<String, Object> dbs = new LinkedHashMap<>();
        databases.forEach((backend, facts) -> dbs.put(backend.name().toLowerCase(Locale.ROOT), facts));
        env.put("databases", dbs);
        return env;
    }

    /** Adds the end time and the load average at the end. */
    @SuppressWarnings("unchecked")
    static void atEnd(Map<String, Object> env) {
        env.put("finishedAt", Instant.now().toString());
        ((Map<String, Object>) env.get("machine")).put("loadAverageAtEnd", loadAverage());
    }

    private static String version() {
        String v = RunEnvironment.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** {@code git describe --always --dirty} of the working directory, or "unknown" outside a checkout. */
    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static Map<String, Object> jvm() {
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        jvm.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return jvm;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", cpuModel());
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            m.put("memoryMb", sun.getTotalMemorySize() / (1024 * 1024));
        }
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
