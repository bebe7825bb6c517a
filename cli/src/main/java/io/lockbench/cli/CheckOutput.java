package io.lockbench.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.EdnHistoryWriter;
import io.lockbench.stress.history.JsonOpCodec;
import io.lockbench.stress.history.Op;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code lockbench check} shows its results: a summary for people, or JSON for tools. */
final class CheckOutput {

    /** Loaded only for --json: jackson-databind is hundreds of classes a summary does not need. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Evidence ops printed per anomaly in the summary (JSON has them all). */
    private static final int OPS_SHOWN = 20;

    private CheckOutput() {
    }

    /**
     * One line per checked file, then the evidence of each anomaly. Files that could not be
     * read are left to the error stream, where their {@code file:line:} message goes.
     *
     * @param peakHeap bytes, or -1 to leave statistics out
     */
    static void human(PrintWriter out, List<FileVerdict> verdicts, long peakHeap) {
        for (FileVerdict v : verdicts) {
            if (v.result() == null) {
                continue;
            }
            out.println(v.file() + ": " + v.verdict().name() + " - " + v.result().summary());
            for (String w : v.warnings()) {
                out.println("  warning: " + w);
            }
            for (Anomaly a : v.result().anomalies()) {
                out.println("  " + a.type() + ": " + a.description().replace("\n", "\n    "));
                List<Op> ops = a.ops();
                int from = Math.max(0, ops.size() - OPS_SHOWN);
                if (from > 0) {
                    out.println("    ... " + from + " earlier ops (see --json)");
                }
                for (Op op : ops.subList(from, ops.size())) {
                    out.println("    " + EdnHistoryWriter.format(op));
                }
            }
            if (peakHeap >= 0) {
                out.println("  stats: " + stats(v, peakHeap));
            }
        }
    }

    private static String stats(FileVerdict v, long peakHeap) {
        Map<String, Object> s = v.result().stats();
        StringBuilder b = new StringBuilder();
        b.append("records ").append(v.records()).append(", read ").append(v.readMs()).append(" ms");
        for (Map.Entry<String, Object> e : s.entrySet()) {
            b.append(", ").append(e.getKey().replace('-', ' ')).append(' ').append(e.getValue());
        }
        return b.append(", peak heap ").append(peakHeap / (1024 * 1024)).append(" MB").toString();
    }

    /** {@code {"verdict": …, "files": [{file, format, verdict, summary, warnings, anomalies, stats}…]}}. */
    static void json(PrintWriter out, Verdict overall, List<FileVerdict> verdicts, long peakHeap) {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("verdict", lower(overall));
            if (peakHeap >= 0) {
                g.writeNumberField("peak-heap-bytes", peakHeap);
            }
            g.writeArrayFieldStart("files");
            for (FileVerdict v : verdicts) {
                file(g, v);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void file(JsonGenerator g, FileVerdict v) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", v.file());
        g.writeStringField("format", v.format() == null ? null : v.format().cliName());
        g.writeStringField("verdict", lower(v.verdict()));
        if (v.error() != null) {
            g.writeStringField("error", v.error());
        }
        g.writeArrayFieldStart("warnings");
        for (String w : v.warnings()) {
            g.writeString(w);
        }
        g.writeEndArray();
        CheckResult r = v.result();
        if (r != null) {
            g.writeStringField("checker", r.checker());
            g.writeStringField("summary", r.summary());
            g.writeArrayFieldStart("anomalies");
            for (Anomaly a : r.anomalies()) {
                g.writeStartObject();
                g.writeStringField("type", a.type());
                g.writeStringField("description", a.description());
                g.writeArrayFieldStart("ops");
                for (Op op : a.ops()) {
                    JsonOpCodec.write(g, op);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("stats");
            g.writeNumberField("records", v.records());
            g.writeNumberField("read-ms", v.readMs());
            for (Map.Entry<String, Object> e : r.stats().entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeObject(e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static String lower(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }
}
