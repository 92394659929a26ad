package dev.evals4j.engine.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.storage.RunKey;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.ScoreRecord;

/**
 * Builds the {@link RunRecord} of a finished row: its key, status and history from the executor's
 * details, its output as JSON (Jackson; an output Jackson cannot write is stored as its
 * {@code toString()} string), its scores as {@link StoredScores} and its content hash. Stateless and
 * thread-safe.
 */
final class RunRecords {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private RunRecords() {}

    /** The store's key of {@code item}: its row id and its 0-based repetition. */
    public static RunKey key(RowItem item) {
        return new RunKey(item.row().id(), item.repetition() - 1);
    }

    /**
     * The record of {@code item}.
     *
     * @param outcome what the row returned, or {@code null} unless it completed
     * @param contentHash the row's content hash
     */
    public static RunRecord of(long experimentId, RowItem item, RowOutcome outcome, ExecutionDetails details,
            String contentHash) {
        boolean completed = details.status().isCompleted() && outcome != null;
        String output = completed ? outputJson(outcome.output()) : null;
        String scores = completed ? ScoreRecord.toJson(StoredScores.of(outcome)) : null;
        return RunRecord.of(experimentId, key(item), details, output, scores, contentHash);
    }

    /** {@code output} as JSON; {@code null} stays {@code null}. */
    public static String outputJson(Object output) {
        if (output == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(output);
        } catch (JsonProcessingException | RuntimeException e) {
            try {
                return JSON.writeValueAsString(String.valueOf(output));
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** Reads a stored output: a JSON string becomes a {@code String}, anything else a JSON tree or value. */
    public static Object readOutput(String outputJson) {
        if (outputJson == null) {
            return null;
        }
        try {
            Object value = JSON.readValue(outputJson, Object.class);
            return value;
        } catch (JsonProcessingException e) {
            return outputJson;
        }
    }
}
