package dev.evals4j.engine.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A number with three decimals, the text {@code String.format(Locale.ROOT, "%.3f", value)} gives, at a
 * fraction of its cost: a row's final report entry carries a few of them, and {@link java.util.Formatter}
 * parses its pattern and looks up the locale's symbols on every call. Like the formatter, it rounds the
 * value's shortest decimal text half up, and keeps the sign of a negative value that rounds to zero. Thread-safe (stateless).
 */
final class ThreeDecimals {

    private ThreeDecimals() {}

    /** {@code value} with three decimals, as {@code %.3f} writes it in {@link Locale#ROOT}. */
    static String of(double value) {
        if (!Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        String digits = BigDecimal.valueOf(Math.abs(value)).setScale(3, RoundingMode.HALF_UP).toPlainString();
        return Math.copySign(1, value) < 0 ? "-" + digits : digits; // the formatter keeps the sign of -0.0001
    }
}
