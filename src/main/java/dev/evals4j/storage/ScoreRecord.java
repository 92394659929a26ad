package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One named score of a run, as stored in {@link RunRecord#scoresJson()} (a JSON array of these).
 *
 * @param name the score's name
 * @param value its numeric value, or {@code null} when it has none
 * @param passed whether it passed, or {@code null} when it is a measurement without a verdict
 * @param detail a free-text explanation, or {@code null}
 */
@API(status = INTERNAL, since = "0.1")
public record ScoreRecord(String name, Double value, Boolean passed, String detail) {

    private static final TypeReference<List<ScoreRecord>> LIST = new TypeReference<>() {};

    /** Validates. */
    public ScoreRecord {
        Objects.requireNonNull(name, "name");
    }

    /** Whether this score does not say "failed": passed, or no verdict. */
    public boolean notFailed() {
        return passed == null || passed;
    }

    /**
     * What failed, one description per failed score (its detail, or {@code <name> failed} without
     * one), as a failing row's message lists them.
     */
    public static List<String> failures(List<ScoreRecord> scores) {
        return scores.stream().filter(s -> !s.notFailed())
                .map(s -> s.detail() != null && !s.detail().isEmpty() ? s.detail() : s.name() + " failed")
                .toList();
    }

    /** Scores as a JSON array of {@code {name, value, passed, detail}} objects. */
    public static String toJson(List<ScoreRecord> scores) {
        return StoreJson.write(scores);
    }

    /** Reads scores written by {@link #toJson(List)}; {@code null} or blank reads as none. */
    public static List<ScoreRecord> listFromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return List.copyOf(StoreJson.read(json, LIST, "scores"));
    }
}
