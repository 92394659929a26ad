package dev.evals4j.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a grade out of a judge model's reply, whatever prose or code fences surround it: the first
 * JSON object with a numeric {@code score}, {@code grade} or {@code rating} field (a number or a text
 * holding one), else the last line-like {@code Score: n} (also {@code Grade}, {@code Rating}, {@code =},
 * Markdown emphasis and a {@code /5} suffix). Stateless.
 */
final class JudgeReplies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GRADE_FIELDS = List.of("score", "grade", "rating");
    private static final List<String> REASON_FIELDS = List.of("reason", "reasoning", "explanation", "rationale");
    private static final Pattern GRADE_LINE = Pattern.compile(
            "\\b(?:score|grade|rating)\\b[*_\\s]*[:=][*_\\s]*(-?\\d+(?:\\.\\d+)?)(?:\\s*/\\s*\\d+)?",
            Pattern.CASE_INSENSITIVE);

    private JudgeReplies() {}

    /** A grade read from a reply, with the reason the judge gave, if any. */
    record Grade(BigDecimal value, Optional<String> reason) {}

    /** The grade in {@code reply}, if it holds one. */
    static Optional<Grade> read(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Optional<Grade> fromJson = fromJson(reply);
        return fromJson.isPresent() ? fromJson : fromGradeLine(reply);
    }

    private static Optional<Grade> fromJson(String reply) {
        for (int start = reply.indexOf('{'); start >= 0; start = reply.indexOf('{', start + 1)) {
            Optional<JsonNode> object = objectAt(reply, start);
            if (object.isPresent()) {
                Optional<BigDecimal> value = field(object.get(), GRADE_FIELDS).flatMap(JudgeReplies::number);
                if (value.isPresent()) {
                    Optional<String> reason = field(object.get(), REASON_FIELDS)
                            .filter(JsonNode::isTextual).map(JsonNode::asText).filter(text -> !text.isBlank());
                    return Optional.of(new Grade(value.get(), reason));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> objectAt(String reply, int start) {
        try (JsonParser parser = JSON.createParser(reply.substring(start))) {
            JsonNode node = JSON.readTree(parser);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> field(JsonNode object, List<String> names) {
        for (var entries = object.fields(); entries.hasNext(); ) {
            var entry = entries.next();
            if (names.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Grade> fromGradeLine(String reply) {
        Matcher matcher = GRADE_LINE.matcher(reply);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last == null ? Optional.empty() : Optional.of(new Grade(new BigDecimal(last), Optional.empty()));
    }
}
