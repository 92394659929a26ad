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

    /** Below it, a value times 1000 is exact to far better than {@link #TIE}. */
    private static final double FAST_LIMIT = 1e6;
    /** How close to a tie ({@code x.xxx5}) the fast path leaves the rounding to the formatter's digits. */
    private static final double TIE = 1e-6;

    /** {@code value} with three decimals, as {@code %.3f} writes it in {@link Locale#ROOT}. */
    static String of(double value) {
        if (!Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        double magnitude = Math.abs(value);
        String digits = magnitude < FAST_LIMIT ? roundedFast(magnitude * 1000) : null;
        if (digits == null) {
            digits = BigDecimal.valueOf(magnitude).setScale(3, RoundingMode.HALF_UP).toPlainString();
        }
        return Math.copySign(1, value) < 0 ? "-" + digits : digits; // the formatter keeps the sign of -0.0001
    }

    /**
     * {@code thousandths} rounded half up and written with three decimals, or {@code null} when it is so
     * close to a tie that the value's shortest decimal text must decide.
     */
    private static String roundedFast(double thousandths) {
        double fraction = thousandths - Math.floor(thousandths);
        if (Math.abs(fraction - 0.5) < TIE) {
            return null;
        }
        long rounded = (long) Math.floor(thousandths + 0.5);
        long decimals = rounded % 1000;
        return (rounded / 1000) + (decimals < 10 ? ".00" : decimals < 100 ? ".0" : ".") + decimals;
    }
}
