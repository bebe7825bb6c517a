package io.lockbench.stress.nemesis;

import io.lockbench.impl.db.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real network partition, as Jepsen makes them: the kernel drops every packet to the proxy's
 * port, by an nftables table of lockbench's own ({@code lockbench_<port>}), so other users of the
 * server are untouched. Clients' packets vanish: connects and queries time out. Healing deletes the
 * table. Needs root and the {@code nft} command (Debian package {@code nftables}).
 */
final class KernelPartition implements Nemesis {

    @Override
    public String name() {
        return "partition";
    }

    @Override
    public boolean needsProxy() {
        return true;
    }

    @Override
    public Optional<String> unavailable(NemesisContext context) {
        if (context.backend() != Backend.POSTGRESQL) {
            return Optional.of("partition needs a network between clients and server; SQLite is embedded");
        }
        return Nft.unavailable();
    }

    private static String table(NemesisContext context) {
        return "lockbench_" + context.proxy().port();
    }

    @Override
    public String start(NemesisContext context) throws IOException {
        String t = table(context);
        int port = context.proxy().port();
        Nft.run("add", "table", "inet", t);
        Nft.run("add", "chain", "inet", t, "input", "{ type filter hook input priority -10 ; policy accept ; }");
        Nft.run("add", "rule", "inet", t, "input", "tcp", "dport", Integer.toString(port), "drop");
        return "dropping every packet to port " + port + " (nft table inet " + t + ")";
    }

    @Override
    public String heal(NemesisContext context) throws IOException {
        String t = table(context);
        Nft.run("delete", "table", "inet", t);
        return "deleted nft table inet " + t;
    }

    @Override
    public void teardown(NemesisContext context) {
        try {
            Nft.run("delete", "table", "inet", table(context));
        } catch (IOException alreadyGone) {
            // healed already
        }
    }

    /** The {@code nft} command. */
    static final class Nft {

        private Nft() {
        }

        static Optional<String> unavailable() {
            if (!"root".equals(System.getProperty("user.name"))) {
                return Optional.of("partition needs root to change nftables (running as "
                        + System.getProperty("user.name") + ")");
            }
            try {
                run("list", "tables");
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of("partition needs the nft command (Debian package nftables): " + e.getMessage());
            }
        }

        static String run(String... args) throws IOException {
            List<String> command = new java.util.ArrayList<>();
            command.add("nft");
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("nft " + String.join(" ", args) + " did not finish within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new IOException("nft " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        }
    }
}
