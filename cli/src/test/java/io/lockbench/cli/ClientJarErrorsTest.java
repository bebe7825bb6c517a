package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a client jar can be wrong gives one message that names the class and the fix, and exit 2. */
class ClientJarErrorsTest {

    @TempDir
    Path dir;

    private static final String SCENARIO = "workload: {type: register}\nduration: 1s\n";

    private CommandRun run(Path jar, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("s.yaml"), yaml);
        return CommandRun.of("run", file.toString(), "--client-jar", jar.toString(), "--runs-dir",
                dir.resolve("runs").toString(), "--quiet");
    }

    private Path jar(String className, String source, String services) throws IOException {
        return ClientJars.build(dir, "team", Map.of(className, source), services);
    }

    private static final String NOT_A_CLIENT = "package com.example; public class OrderDao { }";
    private static final String NO_DEFAULT_CONSTRUCTOR = """
            package com.example;
            public class OrderDao implements io.lockbench.api.Client {
                public OrderDao(String url) { }
                public void open(io.lockbench.api.ClientContext c) { }
                public io.lockbench.api.Completion invoke(io.lockbench.api.Operation op) { return null; }
            }
            """;

    @Test
    void aClassNameTheJarDoesNotHold_isNamedWithHowToFixIt() throws IOException {
        Path jar = jar("com.example.OrderDao", NOT_A_CLIENT, null);

        CommandRun run = run(jar, "client: com.example.OrderDAO\n" + SCENARIO);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("lockbench: client class com.example.OrderDAO not found in " + jar + ": check "
                + "the name (package and class, e.g. com.example.MyOrderDao) and pass the jar that holds it with "
                + "--client-jar" + System.lineSeparator());
    }

    @Test
    void aClassThatDoesNotImplementTheClientInterface_isNamed() throws IOException {
        CommandRun run = run(jar("com.example.OrderDao", NOT_A_CLIENT, null), "client: com.example.OrderDao\n" + SCENARIO);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("lockbench: client class com.example.OrderDao does not implement "
                + "io.lockbench.api.Client: implement that interface (artifact io.lockbench:lockbench-api)");
    }

    @Test
    void aClassWithoutAPublicNoArgumentConstructor_isNamed_alsoWhenFoundThroughServiceLoader() throws IOException {
        CommandRun run = run(jar("com.example.OrderDao", NO_DEFAULT_CONSTRUCTOR, "com.example.OrderDao\n"), SCENARIO);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("lockbench: client class com.example.OrderDao has no public no-argument "
                + "constructor: add public OrderDao() {} (lockbench makes one instance per client process)");
    }

    @Test
    void aJarThatDeclaresNoClient_saysHowToDeclareOne() throws IOException {
        Path jar = jar("com.example.OrderDao", NOT_A_CLIENT, null);

        CommandRun run = run(jar, SCENARIO);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("lockbench: no client found in " + jar + ": it declares no implementation of "
                + "io.lockbench.api.Client. Name the class in the scenario (client: com.example.MyClient) or list it in "
                + "the jar's META-INF/services/io.lockbench.api.Client");
    }

    @Test
    void aJarWithAReferenceVariant_isRefused() throws IOException {
        CommandRun run = run(jar("com.example.OrderDao", NOT_A_CLIENT, null), "variant: optimistic\n" + SCENARIO);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("field 'variant': --client-jar runs your own client, but the scenario runs "
                + "variant optimistic; remove the field or write variant: custom");
    }

    @Test
    void aMissingJar_isNamed() throws IOException {
        CommandRun run = run(dir.resolve("nope.jar"), SCENARIO);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--client-jar " + dir.resolve("nope.jar") + ": no such file");
    }
}
