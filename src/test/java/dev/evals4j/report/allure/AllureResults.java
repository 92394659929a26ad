package dev.evals4j.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads an {@code allure-results} directory as Allure's report generator would: results, containers, attachments. */
record AllureResults(Path directory) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every {@code *-result.json}. */
    List<JsonNode> results() {
        return read("-result.json");
    }

    /** Every {@code *-container.json}. */
    List<JsonNode> containers() {
        return read("-container.json");
    }

    /** The results of {@code method}'s rows, by row id; fails on a second result for a row. */
    Map<String, JsonNode> rowsOf(String method) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (JsonNode result : results()) {
            boolean ofMethod = labels(result, "junit.platform.uniqueid").stream()
                    .anyMatch(id -> id.contains("[method:" + method + "(") && id.contains("[row:"));
            if (ofMethod) {
                String row = parameters(result).get("row");
                assertThat(rows.put(row, result)).as("a second result for row %s of %s", row, method).isNull();
            }
        }
        return rows;
    }

    /** The text of the attachment {@code source}. */
    String attachment(String source) {
        try {
            return Files.readString(directory.resolve(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The attachment named {@code name} of {@code node} (a result, step or fixture), parsed as JSON. */
    JsonNode jsonAttachment(JsonNode node, String name) {
        for (JsonNode attachment : node.path("attachments")) {
            if (name.equals(attachment.path("name").asText())) {
                assertThat(attachment.path("type").asText()).isEqualTo("application/json");
                try {
                    return JSON.readTree(attachment(attachment.path("source").asText()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("no attachment named " + name + " in " + node);
    }

    /** The bytes of the PNG attachment {@code name} of {@code node}. */
    byte[] pngAttachment(JsonNode node, String name) {
        for (JsonNode attachment : node.path("attachments")) {
            if (name.equals(attachment.path("name").asText())) {
                assertThat(attachment.path("type").asText()).isEqualTo("image/png");
                try {
                    return Files.readAllBytes(directory.resolve(attachment.path("source").asText()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("no attachment named " + name + " in " + node);
    }

    static Map<String, String> parameters(JsonNode result) {
        Map<String, String> parameters = new LinkedHashMap<>();
        result.path("parameters").forEach(p -> parameters.put(p.path("name").asText(), p.path("value").asText()));
        return parameters;
    }

    static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.path("labels").forEach(l -> {
            if (name.equals(l.path("name").asText())) {
                values.add(l.path("value").asText());
            }
        });
        return values;
    }

    /** The names of the direct steps of {@code node}. */
    static List<String> stepNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.path("steps").forEach(step -> names.add(step.path("name").asText()));
        return names;
    }

    /** The names of the attachments of {@code node}. */
    static List<String> attachmentNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.path("attachments").forEach(attachment -> names.add(attachment.path("name").asText()));
        return names;
    }

    private List<JsonNode> read(String suffix) {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                all.add(JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
