package io.lockbench.stress.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.lockbench.stress.history.EdnHistoryReader;
import io.lockbench.stress.history.LoadedHistory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every EDN history under {@code fixtures/<model>/} is checked by the checker
 * {@link CheckerCatalog} registers for {@code <model>}, and must get the verdict its name states:
 * {@code <name>--valid.edn}, {@code --invalid.edn} or {@code --unknown.edn}. A
 * {@code --independent} before the verdict reads values as Jepsen's {@code [key value]}. A
 * directory whose model has no checker fails the build rather than being skipped.
 *
 * <p>A transactional fixture may also have a sidecar {@code <name>.expect} beside it: its verdict
 * and Elle's anomaly names at other consistency models, one model a line,
 * {@code <consistency-model> <valid|invalid> [anomaly…]} ({@code #} starts a comment). At an
 * invalid line the anomalies are exactly the types of the evidence; at a valid one, exactly the
 * types found but allowed there (none listed: none found).
 */
class FixtureVerdictTest {

    private static final Pattern NAME = Pattern.compile("(.+?)(--independent)?--(valid|invalid|unknown)\\.edn");

    static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
        URL url = FixtureVerdictTest.class.getResource("/fixtures");
        if (url == null) {
            throw new IllegalStateException("no fixtures directory on the test classpath");
        }
        Path root = Path.of(url.toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".edn")).sorted().toList();
        }
        return files.stream().map(f -> Arguments.of(root.relativize(f).toString(), f));
    }

    static Stream<Arguments> expectations() throws IOException, URISyntaxException {
        List<Arguments> out = new java.util.ArrayList<>();
        for (Arguments a : fixtures().toList()) {
            Path fixture = (Path) a.get()[1];
            Path expect = expectFile(fixture);
            if (!Files.exists(expect)) {
                continue;
            }
            List<String> lines = Files.readAllLines(expect);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceAll("#.*", "").trim();
                if (!line.isEmpty()) {
                    out.add(Arguments.of(a.get()[0] + " @ " + line, fixture, expect.getFileName() + ":" + (i + 1),
                            line));
                }
            }
        }
        return out.stream();
    }

    private static Path expectFile(Path fixture) {
        Matcher parts = NAME.matcher(fixture.getFileName().toString());
        String base = parts.matches() ? parts.group(1) : fixture.getFileName().toString();
        return fixture.resolveSibling(base + ".expect");
    }

    @Test
    void everyExpectFileBelongsToAFixture() throws Exception {
        URL url = FixtureVerdictTest.class.getResource("/fixtures");
        List<Path> expects;
        try (Stream<Path> walk = Files.walk(Path.of(url.toURI()))) {
            expects = walk.filter(f -> f.toString().endsWith(".expect")).toList();
        }
        List<Path> owned = fixtures().map(a -> expectFile((Path) a.get()[1])).toList();
        assertThat(owned).as("an .expect file with no <name>--<verdict>.edn beside it").containsAll(expects);
        assertThat(expects).as("fixtures judged at two consistency models").hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void eachFixtureGetsElleVerdictAndAnomalyNamesAtEachConsistencyModelItsExpectFileLists(
            String name, Path fixture, String where, String line) throws IOException {
        String model = fixture.getParent().getFileName().toString();
        String[] words = line.split("\\s+");
        if (words.length < 2 || !words[1].matches("valid|invalid")) {
            fail("%s: expected '<consistency-model> <valid|invalid> [anomaly…]' but found '%s'", where, line);
        }
        var consistency = io.lockbench.stress.checker.elle.ConsistencyModel.parse(words[0]);
        Verdict expected = Verdict.valueOf(words[1].toUpperCase(Locale.ROOT));
        java.util.Set<String> names = new java.util.TreeSet<>(List.of(words).subList(2, words.length));
        LoadedHistory history = EdnHistoryReader.read(fixture, false);

        CheckResult result = CheckerCatalog.checker(model, consistency).check(history.history());

        assertThat(result.verdict()).as("%s: %s", where, result.summary()).isEqualTo(expected);
        java.util.Set<String> found = new java.util.TreeSet<>();
        if (expected == Verdict.INVALID) {
            result.anomalies().forEach(a -> found.add(a.type()));
        } else {
            assertThat(result.anomalies()).isEmpty();
            ((List<?>) result.stats().get("allowed-anomaly-types")).forEach(t -> found.add((String) t));
        }
        assertThat(found).as("%s: anomaly types (%s)", where, result.summary()).isEqualTo(names);
    }

    @Test
    void thereAreFixtures() throws Exception {
        assertThat(fixtures().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixtureGetsTheVerdictInItsName(String name, Path fixture) throws IOException {
        String model = fixture.getParent().getFileName().toString();
        Matcher parts = NAME.matcher(fixture.getFileName().toString());
        if (!parts.matches()) {
            fail("fixture %s must be named <name>[--independent]--(valid|invalid|unknown).edn", name);
        }
        if (!CheckerCatalog.has(model)) {
            fail("fixtures/%s/ has no checker: register one for '%s' in CheckerCatalog (known: %s)",
                    model, model, CheckerCatalog.models());
        }
        Verdict expected = Verdict.valueOf(parts.group(3).toUpperCase(Locale.ROOT));
        LoadedHistory history = EdnHistoryReader.read(fixture, parts.group(2) != null);

        CheckResult result = CheckerCatalog.checker(model).check(history.history());

        assertThat(result.verdict()).as("%s: %s", name, result.summary())
                .isEqualTo(expected);
        if (expected == Verdict.INVALID) {
            assertThat(result.anomalies()).as("an invalid verdict comes with evidence").isNotEmpty();
        } else {
            assertThat(result.anomalies()).isEmpty();
        }
    }
}
