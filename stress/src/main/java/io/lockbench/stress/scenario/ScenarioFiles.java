package io.lockbench.stress.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads scenarios from YAML, applies command-line overrides, and writes the resolved form back.
 * Field names are kebab-case ({@code think-time}); durations are written {@code 500ms}, {@code 10s}.
 * Every mistake is reported with the file, the line where the parser knows it, the field's path
 * ({@code workload.distribution}) and what is allowed.
 */
public final class ScenarioFiles {

    private static final ObjectMapper YAML = mapper();

    private ScenarioFiles() {
    }

    private static ObjectMapper mapper() {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build();
        SimpleModule durations = new SimpleModule("durations");
        durations.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                try {
                    return Durations.parse(p.getValueAsString(String.valueOf(p.getText())));
                } catch (IllegalArgumentException e) {
                    throw InvalidFormatException.from(p, e.getMessage(), p.getText(), Duration.class);
                }
            }
        });
        durations.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration d, JsonGenerator g, SerializerProvider sp) throws IOException {
                g.writeString(Durations.format(d));
            }
        });
        return new ObjectMapper(factory)
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .registerModule(durations);
    }

    /** Reads {@code file} as written, with no override and no default filled in. */
    public static Scenario read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads {@code file}, then sets each override ({@code workload.keys} → {@code 8}) before
     * binding. The scenario's name defaults to the file name without extension.
     */
    public static Scenario read(Path file, Map<String, String> overrides) {
        String where = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(where + ": no such scenario file");
        } catch (IOException e) {
            throw new ScenarioException(where + ": cannot read: " + e.getMessage(), e);
        }
        Scenario scenario = parse(text, where, overrides);
        if (scenario.name() == null) {
            String base = file.getFileName().toString();
            scenario = scenario.withName(base.replaceFirst("\\.ya?ml$", ""));
        }
        return scenario;
    }

    /** Parses YAML text; {@code where} names it in errors. */
    public static Scenario parse(String text, String where, Map<String, String> overrides) {
        Scenario asWritten;
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ScenarioException(where + ": the scenario is empty; it needs at least a variant");
            }
            if (!tree.isObject()) {
                throw new ScenarioException(where + ": a scenario is a map of fields (variant: …, workload: …), not a "
                        + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            asWritten = YAML.readValue(text, Scenario.class);
        } catch (JsonProcessingException e) {
            throw problem(where, e, text);
        }
        if (overrides.isEmpty()) {
            return asWritten;
        }
        ObjectNode root = (ObjectNode) tree;
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            set(root, o.getKey(), o.getValue());
        }
        try {
            return YAML.treeToValue(root, Scenario.class);
        } catch (JsonProcessingException e) {
            throw problem(where + " (with overrides " + overrides.keySet() + ")", e);
        }
    }

    /** The scenario as YAML, for a run directory. */
    public static String toYaml(Scenario scenario) {
        try {
            return YAML.writeValueAsString(scenario);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario " + scenario.name(), e);
        }
    }

    /** Sets {@code path} ({@code workload.keys}, {@code nemesis.0.hold}) to {@code value} parsed as YAML. */
    private static void set(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = child(node, parts[i], path);
            if (child == null || !child.isContainerNode()) {
                if (!(node instanceof ObjectNode o)) {
                    throw new ScenarioException("override " + path + ": no element " + parts[i]);
                }
                child = o.putObject(parts[i]);
            }
            node = child;
        }
        JsonNode parsed;
        try {
            parsed = YAML.readTree(value);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null || parsed.isMissingNode()) {
            parsed = com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
        }
        String last = parts[parts.length - 1];
        if (node instanceof ObjectNode o) {
            o.set(last, parsed);
        } else {
            ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(index(last, node, path), parsed);
        }
    }

    private static JsonNode child(JsonNode node, String part, String path) {
        return node.isArray() ? node.get(index(part, node, path)) : node.get(part);
    }

    private static int index(String part, JsonNode array, String path) {
        try {
            int i = Integer.parseInt(part);
            if (i >= 0 && i < array.size()) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ScenarioException("override " + path + ": '" + part + "' is not an index of a list of "
                + array.size() + " (0 to " + (array.size() - 1) + ")");
    }

    private static ScenarioException problem(String where, JsonProcessingException e) {
        return problem(where, e, null);
    }

    /** With the text, a field's line is found by its path when the parser no longer knows it. */
    private static ScenarioException problem(String where, JsonProcessingException e, String text) {
        String at = where + location(e.getLocation());
        if (e instanceof JsonMappingException m && text != null) {
            int line = lineOf(text, path(m));
            if (line > 0) {
                at = where + ":" + line;
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new ScenarioException(at + ": unknown field '" + path(u) + "'; valid fields"
                    + parentName(u) + ": " + names(u.getKnownPropertyIds()), e);
        }
        if (e instanceof InvalidFormatException f) {
            String why = f.getOriginalMessage();
            String expected = f.getTargetType() == Duration.class ? why
                    : "expected " + typeName(f.getTargetType()) + ", got '" + f.getValue() + "'";
            return new ScenarioException(at + ": field '" + path(f) + "': " + expected, e);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() != null ? v.getCause() : v;
            return new ScenarioException(at + ": field '" + path(v) + "': " + cause.getMessage(), e);
        }
        if (e instanceof MismatchedInputException m) {
            String target = m.getTargetType() == null ? "a different value" : typeName(m.getTargetType());
            return new ScenarioException(at + ": field '" + path(m) + "': expected " + target, e);
        }
        if (e instanceof JsonMappingException m) {
            return new ScenarioException(at + ": field '" + path(m) + "': " + m.getOriginalMessage(), e);
        }
        return new ScenarioException(at + ": not valid YAML: " + e.getOriginalMessage(), e);
    }

    /**
     * The line of a field given by its path ({@code workload.keyz}, {@code nemesis.0.hold}) in YAML
     * text: each named step is the next line, after the previous step's, that starts with it.
     */
    static int lineOf(String text, String path) {
        if (path.isEmpty()) {
            return -1;
        }
        String[] lines = text.split("\n", -1);
        int from = 0;
        int found = -1;
        for (String step : path.split("\\.")) {
            if (step.chars().allMatch(Character::isDigit)) {
                continue;
            }
            found = -1;
            for (int i = from; i < lines.length; i++) {
                String t = lines[i].strip();
                if (t.startsWith("- ")) {
                    t = t.substring(2).strip();
                }
                if (t.startsWith(step + ":")) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            from = found + 1;
        }
        return found + 1;
    }

    private static String location(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : ":" + l.getLineNr();
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                parts.add(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                parts.add(Integer.toString(r.getIndex()));
            }
        }
        return String.join(".", parts);
    }

    private static String parentName(UnrecognizedPropertyException u) {
        List<JsonMappingException.Reference> p = u.getPath();
        if (p.size() < 2) {
            return " of a scenario";
        }
        JsonMappingException.Reference parent = p.get(p.size() - 2);
        return " of " + (parent.getFieldName() != null ? parent.getFieldName() : "a nemesis entry");
    }

    private static String names(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Duration.class) {
            return "a duration like 500ms, 10s or 2m";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a map of fields";
        }
        if (type == String.class) {
            return "a text";
        }
        return "a " + type.getSimpleName();
    }
}
