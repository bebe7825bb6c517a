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
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        return files.stream().map(f -> Arguments.of(root.relativize(f).toString(), f));
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
