package dev.evals4j.engine.run;

import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.TokenMeter;
import java.util.OptionalLong;

/**
 * The tokens of a row's calls, for the pacer: estimated from the row's size (the characters of its
 * columns' values / 4, the usual rule of thumb for English text) before an attempt, and taken from what
 * the eval reported ({@code EvalContext.reportTokens}) after a successful one. Stateless.
 */
final class RowTokens {

    /** Characters per token in the estimate. */
    static final int CHARS_PER_TOKEN = 4;

    /** The meter of every method's executor. */
    static final TokenMeter<RowItem, RowOutcome> METER = new TokenMeter<>() {
        @Override
        public long estimate(RowItem item) {
            long chars = 0;
            for (Object value : item.row().columns().values()) {
                chars += value == null ? 0 : String.valueOf(value).length();
            }
            return chars / CHARS_PER_TOKEN;
        }

        @Override
        public OptionalLong used(RowOutcome outcome) {
            return outcome.tokens();
        }
    };

    private RowTokens() {}
}
