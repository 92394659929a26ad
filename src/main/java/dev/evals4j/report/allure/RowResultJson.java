package dev.evals4j.report.allure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.evals4j.report.ObservedRow;
import dev.evals4j.report.RowEnding;
import java.io.UncheckedIOException;

/**
 * A row's result as the JSON attached to its Allure result: its id, repetition and columns, its status,
 * verdict and attempts, its output, scores and failing checks. An output or column value that Jackson cannot
 * write as JSON is written as its {@code toString()}. Stateless.
 */
final class RowResultJson {

    /** The name of the attachment. */
    static final String NAME = "evals4j result";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private RowResultJson() {}

    /** The JSON of {@code row}, which ended as {@code ending}, in UTF-8. */
    static byte[] of(ObservedRow row, RowEnding ending) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("row", row.rowId());
        if (row.repetition() > 0) {
            json.put("repetition", row.repetition());
        }
        ObjectNode columns = json.putObject("columns");
        row.columns().forEach((name, value) -> columns.set(name, tree(value)));
        json.put("status", ending.details().status().name());
        json.put("verdict", ending.verdict().name());
        json.put("attempts", ending.details().attempts());
        json.set("output", tree(ending.output()));
        ObjectNode scores = json.putObject("scores");
        ending.scores().forEach(scores::put);
        ending.failures().forEach(json.putArray("failures")::add);
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write the result of row '" + row.rowId() + "' as JSON", e);
        }
    }

    private static JsonNode tree(Object value) {
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            return TextNode.valueOf(String.valueOf(value));
        }
    }
}
