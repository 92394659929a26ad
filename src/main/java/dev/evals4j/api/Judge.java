package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * LLM-as-judge: asks a judge model to grade an answer against a rubric, and makes its grade a
 * {@link Score}. The judge model is a plain function from prompt to reply, so any client fits:
 *
 * <pre>{@code
 * @ForEach(dataset = "questions.jsonl")
 * Score answersWell(String question, ChatModel model, ChatModel judgeModel) {
 *     Judge judge = Judge.of("The answer is correct and cites the passage it relies on.", judgeModel::chat);
 *     return judge.grade(question, model.chat(question));
 * }
 *
 * // or asynchronously, with any client that returns a CompletionStage<String>:
 * Judge judge = Judge.ofAsync(rubric, client::completeAsync);
 * return model.completeAsync(question).thenCompose(answer -> judge.gradeAsync(question, answer));
 * }</pre>
 *
 * <p><b>The prompt.</b> The template is a class path resource with {@code {{name}}} placeholders:
 * {@code {{rubric}}}, {@code {{min}}} and {@code {{max}}} (the scale) are filled by the judge, the
 * others by {@link #grade(Map)} ({@code {{question}}} and {@code {{answer}}} by
 * {@link #grade(String, String)}). The default, {@value #DEFAULT_TEMPLATE}, asks for a JSON object
 * {@code {"score": n, "reason": "..."}}. To change it for one judge, name another resource with
 * {@link #withTemplate(String)}; to change it for a whole test class path, put a file at
 * {@code src/test/resources/evals4j/judge-prompt.txt}: resources of the project come before the
 * library's jar on the class path, so it replaces the default.
 *
 * <p><b>The grade.</b> The reply is read robustly (surrounding prose and code fences do not matter):
 * the first JSON object with a numeric {@code score} ({@code grade}, {@code rating}), with its
 * {@code reason} as the score's detail, else the last {@code Score: n} line. The score is named
 * {@code judge} (see {@link #named(String)}), its value is the grade scaled to {@code [0, 1]}, so that
 * the summary's mean is comparable across scales, and it passes at the passing grade (by default 4
 * on a scale from 1 to 5; see {@link #withScale(int, int, int)}).
 *
 * <p><b>Malformed replies, retries and limits.</b> A reply without a grade within the scale throws a
 * {@link JudgeReplyException}, which the engine classifies as transient: it is never scored. The judge
 * is called inside the row's attempt, so it runs under the row's concurrency slot and the method's
 * rate limiter, and its failures (a malformed reply, a 429, a timeout, a 5xx) are retried like the
 * model's: <em>a retry repeats the whole attempt</em>, the model's call included, within the attempt
 * budget ({@code evals4j.retry.maxAttempts}); a 429 requeues the row without spending an attempt. When the
 * attempts run out the row ends as an error whose message quotes the last reply. The judge's calls
 * count toward the provider's rate limit like the model's; give the judge model its own client with
 * its own retries turned off, as for the model.
 *
 * <p>Immutable and thread-safe if the judge model function is; the {@code with} methods return copies.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Judge {

    /** The class path resource of the default prompt template. */
    public static final String DEFAULT_TEMPLATE = "evals4j/judge-prompt.txt";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String rubric;
    private final Function<String, ? extends CompletionStage<String>> asyncModel;
    private final Function<String, String> syncModel;
    private final String templateName;
    private final String template;
    private final int min;
    private final int max;
    private final int passing;
    private final String name;

    private Judge(String rubric, Function<String, ? extends CompletionStage<String>> asyncModel,
            Function<String, String> syncModel, String templateName, String template, int min, int max, int passing,
            String name) {
        this.rubric = rubric;
        this.asyncModel = asyncModel;
        this.syncModel = syncModel;
        this.templateName = templateName;
        this.template = template;
        this.min = min;
        this.max = max;
        this.passing = passing;
        this.name = name;
    }

    /**
     * A judge that calls {@code judgeModel} on the calling thread.
     *
     * @param rubric what a good answer does; filled into {@code {{rubric}}}
     * @param judgeModel prompt to reply, such as LangChain4j's {@code chatModel::chat}
     */
    public static Judge of(String rubric, Function<String, String> judgeModel) {
        Objects.requireNonNull(judgeModel, "judgeModel");
        return create(rubric, null, judgeModel);
    }

    /**
     * A judge whose model answers asynchronously.
     *
     * @param rubric what a good answer does; filled into {@code {{rubric}}}
     * @param judgeModel prompt to a stage of the reply
     */
    public static Judge ofAsync(String rubric, Function<String, ? extends CompletionStage<String>> judgeModel) {
        Objects.requireNonNull(judgeModel, "judgeModel");
        return create(rubric, judgeModel, null);
    }

    private static Judge create(String rubric, Function<String, ? extends CompletionStage<String>> asyncModel,
            Function<String, String> syncModel) {
        Objects.requireNonNull(rubric, "rubric");
        if (rubric.isBlank()) {
            throw new IllegalArgumentException("A judge's rubric must not be blank");
        }
        return new Judge(rubric, asyncModel, syncModel, DEFAULT_TEMPLATE, load(DEFAULT_TEMPLATE), 1, 5, 4, "judge");
    }

    /**
     * This judge with the prompt template of another class path resource (UTF-8 text with
     * {@code {{name}}} placeholders).
     *
     * @throws IllegalArgumentException if there is no such resource
     */
    public Judge withTemplate(String resource) {
        return new Judge(rubric, asyncModel, syncModel, resource, load(resource), min, max, passing, name);
    }

    /**
     * This judge with another grading scale: grades from {@code min} to {@code max}, passing from
     * {@code passing} up.
     *
     * @throws IllegalArgumentException unless {@code min < max} and {@code min <= passing <= max}
     */
    public Judge withScale(int min, int max, int passing) {
        if (min >= max || passing < min || passing > max) {
            throw new IllegalArgumentException("A judge's scale needs min < max and min <= passing <= max, but was min="
                    + min + ", max=" + max + ", passing=" + passing);
        }
        return new Judge(rubric, asyncModel, syncModel, templateName, template, min, max, passing, name);
    }

    /** This judge with its scores named {@code scoreName} instead of {@code judge}. */
    public Judge named(String scoreName) {
        Objects.requireNonNull(scoreName, "scoreName");
        if (scoreName.isBlank()) {
            throw new IllegalArgumentException("A judge's score name must not be blank");
        }
        return new Judge(rubric, asyncModel, syncModel, templateName, template, min, max, passing, scoreName);
    }

    /**
     * Grades {@code answer} to {@code question}; blocks while an asynchronous judge model answers.
     *
     * @throws JudgeReplyException if the reply holds no grade within the scale
     */
    public Score grade(String question, String answer) {
        return grade(variables(question, answer));
    }

    /**
     * Grades with the template's placeholders filled from {@code variables} (and the rubric and scale);
     * blocks while an asynchronous judge model answers.
     *
     * @throws JudgeReplyException if the reply holds no grade within the scale
     * @throws IllegalArgumentException if the template uses a placeholder without a value
     */
    public Score grade(Map<String, ?> variables) {
        String prompt = prompt(variables);
        if (syncModel != null) {
            return score(syncModel.apply(prompt));
        }
        try {
            return score(asyncModel.apply(prompt).toCompletableFuture().join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Grades {@code answer} to {@code question} in a stage; a malformed reply fails the stage with a
     * {@link JudgeReplyException}. A synchronous judge model is called on the calling thread.
     */
    public CompletionStage<Score> gradeAsync(String question, String answer) {
        return gradeAsync(variables(question, answer));
    }

    /**
     * Grades in a stage, with the template's placeholders filled from {@code variables} (and the rubric
     * and scale).
     *
     * @throws IllegalArgumentException if the template uses a placeholder without a value
     */
    public CompletionStage<Score> gradeAsync(Map<String, ?> variables) {
        String prompt = prompt(variables);
        if (syncModel != null) {
            try {
                return CompletableFuture.completedFuture(score(syncModel.apply(prompt)));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return asyncModel.apply(prompt).thenApply(this::score);
    }

    /**
     * The prompt this judge sends for {@code variables}: the template with every placeholder filled.
     *
     * @throws IllegalArgumentException if the template uses a placeholder without a value
     */
    public String prompt(Map<String, ?> variables) {
        Map<String, Object> values = new TreeMap<>(variables);
        values.put("rubric", rubric);
        values.put("min", min);
        values.put("max", max);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder prompt = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("The judge prompt template '" + templateName + "' uses {{" + key
                        + "}}, but no value was given for it; given: " + values.keySet());
            }
            matcher.appendReplacement(prompt, Matcher.quoteReplacement(String.valueOf(values.get(key))));
        }
        matcher.appendTail(prompt);
        return prompt.toString();
    }

    private Score score(String reply) {
        JudgeReplies.Grade grade = JudgeReplies.read(reply)
                .filter(g -> g.value().compareTo(BigDecimal.valueOf(min)) >= 0
                        && g.value().compareTo(BigDecimal.valueOf(max)) <= 0)
                .orElseThrow(() -> new JudgeReplyException("The judge's reply holds no grade from " + min + " to "
                        + max + " (a JSON object with a numeric \"score\", or a line \"Score: n\"); reply: "
                        + Excerpt.quote(reply), reply));
        double value = grade.value().doubleValue();
        String detail = "grade " + grade.value().stripTrailingZeros().toPlainString() + " of " + min + "-" + max
                + " (passing " + passing + ")" + grade.reason().map(reason -> ": " + reason).orElse("");
        return new Score(name, (value - min) / (max - min), value >= passing, detail);
    }

    private static Map<String, Object> variables(String question, String answer) {
        Map<String, Object> variables = new TreeMap<>();
        variables.put("question", question);
        variables.put("answer", answer);
        return variables;
    }

    private static String load(String resource) {
        Objects.requireNonNull(resource, "resource");
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(resource);
        if (in == null) {
            in = Judge.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalArgumentException("No judge prompt template at the class path resource '" + resource + "'");
        }
        try (InputStream template = in) {
            return new String(template.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the judge prompt template '" + resource + "'", e);
        }
    }
}
