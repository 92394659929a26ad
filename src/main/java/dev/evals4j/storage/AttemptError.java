package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The exception of one failed attempt, as stored: its type, its (redacted) message and a summary
 * of its stack.
 *
 * @param type the exception's class name
 * @param message its message, {@link Redactor#redactText(String) redacted}; empty when it had none
 * @param stack its first {@value #STACK_FRAMES} frames, one per line
 */
@API(status = INTERNAL, since = "0.1")
public record AttemptError(String type, String message, String stack) {

    /** How many stack frames a summary keeps. */
    public static final int STACK_FRAMES = 8;

    private static final TypeReference<List<AttemptError>> LIST = new TypeReference<>() {};

    /** Validates. */
    public AttemptError {
        Objects.requireNonNull(type, "type");
        message = message == null ? "" : message;
        stack = stack == null ? "" : stack;
    }

    /** The stored form of {@code failure}: message redacted, stack cut to {@value #STACK_FRAMES} frames. */
    public static AttemptError of(Throwable failure) {
        String stack = Arrays.stream(failure.getStackTrace())
                .limit(STACK_FRAMES)
                .map(StackTraceElement::toString)
                .collect(Collectors.joining("\n"));
        return new AttemptError(failure.getClass().getName(), Redactor.redactText(failure.getMessage()), stack);
    }

    /** {@code type: first line of message}, for one-line displays. */
    public String oneLine() {
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.isEmpty() ? type : type + ": " + firstLine;
    }

    /** A history as a JSON array of {@code {type, message, stack}} objects. */
    public static String toJson(List<AttemptError> history) {
        return StoreJson.write(history);
    }

    /** Reads a history written by {@link #toJson(List)}; {@code null} or blank reads as empty. */
    public static List<AttemptError> listFromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return List.copyOf(StoreJson.read(json, LIST, "attempt history"));
    }
}
