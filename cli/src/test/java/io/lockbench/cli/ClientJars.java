package io.lockbench.cli;

import io.lockbench.api.Client;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a team's client jar the way a team would, outside lockbench's modules: its sources
 * compiled against {@code lockbench-api} alone, packed with an optional
 * {@code META-INF/services/io.lockbench.api.Client}.
 */
final class ClientJars {

    private ClientJars() {
    }

    /**
     * @param sources  class name → Java source
     * @param services the lines of the service file, or null for none
     */
    static Path build(Path dir, String jarName, Map<String, String> sources, String services) throws IOException {
        Path src = Files.createDirectories(dir.resolve(jarName + "-src"));
        Path classes = Files.createDirectories(dir.resolve(jarName + "-classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", apiClasspath(), "--release", "17"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("the client sources do not compile: " + errors.toString(StandardCharsets.UTF_8));
        }
        Path jar = dir.resolve(jarName + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            if (services != null) {
                out.putNextEntry(new JarEntry("META-INF/services/" + Client.class.getName()));
                write(out, services);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Where lockbench-api's classes are: all a team's client is compiled against. */
    private static String apiClasspath() {
        try {
            return Path.of(Client.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A correct register client: plain JDBC, compare-and-set on a version column. */
    static final String ACCOUNT_DAO = """
            package com.example;

            import io.lockbench.api.Client;
            import io.lockbench.api.ClientContext;
            import io.lockbench.api.Completion;
            import io.lockbench.api.Operation;
            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.Statement;
            import java.util.Arrays;
            import java.util.List;
            import javax.sql.DataSource;

            public class AccountDao implements Client {
                protected DataSource db;

                @Override
                public void setup(ClientContext context) throws Exception {
                    try (Connection c = context.dataSource().getConnection(); Statement s = c.createStatement()) {
                        s.execute("CREATE TABLE account (id TEXT PRIMARY KEY, version BIGINT NOT NULL, balance TEXT)");
                    }
                }

                @Override
                public void open(ClientContext context) {
                    db = context.dataSource();
                }

                @Override
                public Completion invoke(Operation op) throws Exception {
                    try (Connection c = db.getConnection()) {
                        if (op.f().equals("read")) {
                            PreparedStatement read = c.prepareStatement("SELECT version, balance FROM account WHERE id = ?");
                            read.setString(1, (String) op.key());
                            try (ResultSet rs = read.executeQuery()) {
                                return Completion.ok(rs.next() ? Arrays.asList(rs.getLong(1), rs.getString(2))
                                        : Arrays.asList(0L, null));
                            }
                        }
                        List<?> v = (List<?>) op.value();
                        return write(c, (String) op.key(), ((Number) v.get(0)).longValue(), (String) v.get(1))
                                ? Completion.ok(op.value()) : Completion.fail("VERSION_CONFLICT", "version moved on");
                    }
                }

                protected boolean write(Connection c, String key, long expected, String value) throws Exception {
                    PreparedStatement ps = expected == 0
                            ? c.prepareStatement("INSERT INTO account (balance, id, version) VALUES (?, ?, 1) ON CONFLICT (id) DO NOTHING")
                            : c.prepareStatement("UPDATE account SET balance = ?, version = version + 1 WHERE id = ? AND version = ?");
                    ps.setString(1, value);
                    ps.setString(2, key);
                    if (expected != 0) {
                        ps.setLong(3, expected);
                    }
                    return ps.executeUpdate() == 1;
                }
            }
            """;

    /** BROKEN on purpose: reads the version, then writes without checking it again (a lost update). */
    static final String LOST_UPDATE_DAO = """
            package com.example;

            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;

            public class LostUpdateDao extends AccountDao {
                @Override
                protected boolean write(Connection c, String key, long expected, String value) throws Exception {
                    if (expected == 0) {
                        return super.write(c, key, expected, value);
                    }
                    PreparedStatement read = c.prepareStatement("SELECT version FROM account WHERE id = ?");
                    read.setString(1, key);
                    long seen;
                    try (ResultSet rs = read.executeQuery()) {
                        if (!rs.next() || rs.getLong(1) != expected) {
                            return false;
                        }
                        seen = rs.getLong(1);
                    }
                    Thread.sleep(2);
                    PreparedStatement update = c.prepareStatement("UPDATE account SET balance = ?, version = ? WHERE id = ?");
                    update.setString(1, value);
                    update.setLong(2, seen + 1);
                    update.setString(3, key);
                    return update.executeUpdate() == 1;
                }
            }
            """;
}
