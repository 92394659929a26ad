package dev.evals4j.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of the store, the reports and the logs. Stateless and thread-safe.
 *
 * <ul>
 *   <li>A configuration value is replaced by {@value #MASK} when its key contains {@code key},
 *       {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code authorization} or
 *       {@code credential} (case-insensitive).
 *   <li>In free text (exception messages, outputs), {@code Authorization:} header values,
 *       {@code Bearer} tokens, {@code sk-…} style API keys and {@code api_key=…}, {@code
 *       "apiKey":"…"}, {@code token=…}, {@code password=…} style assignments are masked; the name
 *       of what was masked stays readable.
 * </ul>
 */
final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final List<String> SECRET_KEY_PARTS =
            List.of("key", "token", "secret", "password", "passwd", "authorization", "credential");

    private static final String VALUE = "[^\\s\"',;&}\\]]+";

    private static final List<Pattern> KEEP_GROUP_1 = List.of(
            // Authorization: Bearer abc / Authorization=Basic abc / "authorization": "xyz"
            Pattern.compile("(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?(?:(?:bearer|basic|token)\\s+)?)" + VALUE),
            // a bare bearer token
            Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{6,}"),
            // api_key=..., apiKey":"...", x-api-key: ..., access_token=..., password=..., secret=...
            Pattern.compile("(?i)((?:api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret"
                    + "|secret|password|passwd|token)[\"']?\\s*[:=]\\s*[\"']?)" + VALUE));

    private static final List<Pattern> WHOLE_MATCH = List.of(
            // OpenAI / Anthropic style keys: sk-..., sk-proj-..., sk-ant-...
            Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}"),
            // AWS access key ids and Google API keys
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"));

    /**
     * A fragment that every pattern above needs, in lower case: a text without any of them (most
     * outputs and scores) is returned as it is, without running the patterns.
     */
    private static final List<String> TRIGGERS =
            List.of("authorization", "bearer", "key", "token", "secret", "passw", "sk-", "akia", "aiza");

    private Redactor() {}

    /** Whether a configuration key's name looks like it holds a secret. */
    public static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_KEY_PARTS.stream().anyMatch(lower::contains);
    }

    /** A copy of {@code config} (same order) with the values of secret-looking keys masked and
     *  secrets in the other values masked as in {@link #redactText(String)}. */
    public static Map<String, String> redactConfig(Map<String, String> config) {
        Map<String, String> redacted = new LinkedHashMap<>();
        config.forEach((key, value) ->
                redacted.put(key, isSecretKey(key) && value != null ? MASK : redactText(value)));
        return redacted;
    }

    /** {@code text} with every secret-looking fragment masked; {@code null} stays {@code null}. */
    public static String redactText(String text) {
        if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
            return text;
        }
        String result = text;
        for (Pattern pattern : KEEP_GROUP_1) {
            Matcher matcher = pattern.matcher(result);
            result = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
        }
        for (Pattern pattern : WHOLE_MATCH) {
            result = pattern.matcher(result).replaceAll(MASK);
        }
        return result;
    }

    /**
     * {@code run} with its error, history messages, output and scores {@link #redactText(String) redacted};
     * {@code run} itself when none of them holds a secret.
     */
    public static RunRecord redact(RunRecord run) {
        List<AttemptError> history = run.history().isEmpty() ? run.history() : run.history().stream()
                .map(e -> new AttemptError(e.type(), redactText(e.message()), e.stack()))
                .toList();
        String output = redactText(run.outputJson());
        String scores = redactText(run.scoresJson());
        String error = redactText(run.error());
        if (history.equals(run.history()) && Objects.equals(output, run.outputJson())
                && Objects.equals(scores, run.scoresJson()) && Objects.equals(error, run.error())) {
            return run;
        }
        return new RunRecord(run.experimentId(), run.rowId(), run.repetition(), run.status(), output, scores, error,
                history, run.attempts(), run.start(), run.end(), run.contentHash());
    }

    /** Whether {@code text} holds one of the {@link #TRIGGERS}, ignoring case. */
    private static boolean mayHoldSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String trigger : TRIGGERS) {
            if (lower.contains(trigger)) {
                return true;
            }
        }
        return false;
    }
}
