package io.lockbench.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockbench.bench.results.BenchFile;
import io.lockbench.bench.results.BenchResult;
import io.lockbench.bench.results.BenchSummary;
import io.lockbench.bench.results.Baseline;
import io.lockbench.bench.results.MeasuredVariants;
import io.lockbench.bench.results.SummaryRow;
import io.lockbench.impl.catalog.Variant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Writes the results file: JMH's own JSON ({@code -rf json}, unchanged) with one added field per
 * result, {@code "lockbench"}: the variant measured (or that it is a baseline), the baseline it is
 * divided by, the ratio (throughput results) and the run's environment.
 */
final class ResultsWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {
    }

    /** Writes {@code file} and returns what it holds, as read back. */
    static BenchFile write(Collection<RunResult> results, Map<String, Object> environment, Path file) throws IOException {
        ByteArrayOutputStream jmhJson = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(jmhJson, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        JsonNode root = JSON.readTree(jmhJson.toByteArray());
        if (root == null) {
            root = JSON.createArrayNode(); // JMH writes nothing at all for no results
        }
        BenchFile parsed = BenchFile.parse(root, "JMH's JSON");
        List<SummaryRow> rows = BenchSummary.of(parsed.results());
        ArrayNode array = (ArrayNode) root;
        for (int i = 0; i < array.size(); i++) {
            ObjectNode node = (ObjectNode) array.get(i);
            node.set("lockbench", extras(parsed.results().get(i), rows, environment));
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        JSON.writeValue(file.toFile(), root);
        return BenchFile.read(file);
    }

    private static ObjectNode extras(BenchResult r, List<SummaryRow> rows, Map<String, Object> environment) {
        ObjectNode extras = JSON.createObjectNode();
        Optional<Variant> variant = MeasuredVariants.of(r.method());
        Optional<Baseline> baseline = variant.map(v -> Baseline.of(v.strategy()))
                .or(() -> Baseline.ofBenchmark(r.benchmark()));
        if (variant.isPresent()) {
            extras.put("variant", variant.get().cliName());
            extras.put("strategy", variant.get().strategy().displayName());
            extras.put("broken", variant.get().isBroken());
        } else if (baseline.isPresent()) {
            extras.put("isBaseline", true);
        }
        baseline.ifPresent(b -> extras.put("baseline", b.benchmark()));
        rows.stream().filter(row -> row.benchmark().equals(r.benchmark()) && r.mode().equals(BenchResult.THROUGHPUT)
                        && row.threads() == r.threads() && row.backend().equals(r.backend()) && row.keys().equals(r.keys()))
                .findFirst().ifPresent(row -> {
                    putNumber(extras, "opsPerSecond", row.opsPerSec());
                    putNumber(extras, "opsPerSecondError", row.opsError());
                    putNumber(extras, "ratioToBaseline", row.ratio());
                    putNumber(extras, "ratioError", row.ratioError());
                    putNumber(extras, "okRatioToBaseline", row.okRatio());
                });
        extras.set("environment", JSON.valueToTree(environment));
        return extras;
    }

    /** JSON has no NaN: an unknown ratio is null. */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
