package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.api.EvalContext;
import dev.evals4j.api.ForEach;
import dev.evals4j.dataset.Row;
import dev.evals4j.engine.binding.Fixtures;
import dev.evals4j.engine.binding.ParameterBinder;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.report.RowAttempts;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.Attempt;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** How a row's tokens reach the pacer: the eval reports its usage, or the row's size is the estimate. */
class RowTokensTest {

    /** Evals that report the usage of their two calls, or nothing. */
    static final class Evals {
        @ForEach(dataset = "unused.jsonl")
        void reports(String question, EvalContext context) {
            context.reportTokens(120);
            context.reportTokens(30);
        }

        @ForEach(dataset = "unused.jsonl")
        CompletionStage<Void> reportsAsync(String question, EvalContext context) {
            return CompletableFuture.runAsync(() -> context.reportTokens(70));
        }

        @ForEach(dataset = "unused.jsonl")
        void reportsNothing(String question) {}

        @ForEach(dataset = "unused.jsonl")
        void reportsANegativeCount(String question, EvalContext context) {
            context.reportTokens(-1);
        }
    }

    private static final RowItem ITEM = item(Map.of("question", "What is 2 + 2? Answer with a number."));

    private static RowItem item(Map<String, Object> columns) {
        return new RowItem(new Row("r1", 0, new LinkedHashMap<>(columns), "qa.jsonl:1"), 1, false);
    }

    private static RowInvoker invoker(String name) throws NoSuchMethodException {
        Method method = Evals.class.getDeclaredMethod(name, name.equals("reportsNothing")
                ? new Class<?>[] {String.class} : new Class<?>[] {String.class, EvalContext.class});
        return new RowInvoker(new Evals(), method,
                new ParameterBinder().bind(method, method.getAnnotation(ForEach.class), Fixtures.none()),
                event -> {}, item -> Optional.empty(), RowAttempts.NONE);
    }

    @Test
    void theTokensAnEvalReportsAddUpOnItsOutcome() throws Exception {
        RowOutcome outcome = invoker("reports").syncTask().call(ITEM, new Attempt(0, 1));

        assertThat(outcome.tokens()).hasValue(150);
        assertThat(RowTokens.METER.used(outcome)).hasValue(150);
    }

    @Test
    void anAsynchronousEvalReportsBeforeItsStageCompletes() throws Exception {
        RowOutcome outcome = invoker("reportsAsync").asyncTask().call(ITEM, new Attempt(0, 1))
                .toCompletableFuture().join();

        assertThat(outcome.tokens()).hasValue(70);
    }

    @Test
    void anEvalThatReportsNothingLeavesTheEstimateFromTheRowsSize() throws Exception {
        RowOutcome outcome = invoker("reportsNothing").syncTask().call(ITEM, new Attempt(0, 1));

        assertThat(outcome.tokens()).isEmpty();
        assertThat(RowTokens.METER.used(outcome)).isEmpty();
        assertThat(RowTokens.METER.estimate(ITEM)).as("37 characters / 4").isEqualTo(9);
        assertThat(RowTokens.METER.estimate(item(Map.of("q", "x".repeat(400), "n", 12345)))).isEqualTo(101);
    }

    @Test
    void aNegativeCountIsRefusedNamingTheRow() throws Exception {
        RowInvoker invoker = invoker("reportsANegativeCount");

        assertThatThrownBy(() -> invoker.syncTask().call(ITEM, new Attempt(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 'r1'").hasMessageContaining("-1");
    }

    @Test
    void anOutcomeCarriesNoTokensUnlessGiven() {
        assertThat(RowOutcome.pass().tokens()).isEqualTo(OptionalLong.empty());
        assertThat(RowOutcome.pass().withTokens(OptionalLong.of(5)).tokens()).hasValue(5);
    }
}
