package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.PrintStream;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Shows the progress of running methods on the console: either one line rewritten in place (on a
 * real terminal) or a plain line at a fixed interval (under Surefire, in CI logs, in files).
 *
 * <p>Time comes from the caller, so the display is deterministic in tests. Not thread-safe: owned by
 * the engine's reporting thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProgressDisplay {

    /** How progress is written. */
    public enum Style {
        /** One line, rewritten with a carriage return. */
        LIVE,
        /** A new line every interval. */
        LINES,
        /** Nothing at all. */
        OFF
    }

    private static final long LIVE_INTERVAL_NANOS = 200_000_000L;
    private static final long LINES_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final Style style;
    private long lastPrintNanos = Long.MIN_VALUE;
    private int lastLength;

    /** A display of {@code style} writing to {@code out}. */
    public ProgressDisplay(PrintStream out, Style style) {
        this.out = Objects.requireNonNull(out, "out");
        this.style = Objects.requireNonNull(style, "style");
    }

    /** A display that writes nothing. */
    public static ProgressDisplay off() {
        return new ProgressDisplay(System.out, Style.OFF);
    }

    /** Shows {@code snapshot} if the interval of this style has passed since the last line, at ticker time {@code nowNanos}. */
    public void update(ProgressSnapshot snapshot, long nowNanos) {
        long interval = style == Style.LIVE ? LIVE_INTERVAL_NANOS : LINES_INTERVAL_NANOS;
        if (style == Style.OFF || (lastPrintNanos != Long.MIN_VALUE && nowNanos - lastPrintNanos < interval)) {
            return;
        }
        if (lastPrintNanos == Long.MIN_VALUE) {
            lastPrintNanos = nowNanos;
            return;
        }
        lastPrintNanos = nowNanos;
        print(snapshot.render());
    }

    /** Ends the method's progress: the live line is cleared so the summary prints on a clean line. */
    public void finish() {
        if (style == Style.LIVE && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
        }
        lastPrintNanos = Long.MIN_VALUE;
        lastLength = 0;
    }

    private void print(String text) {
        if (style == Style.LIVE) {
            String padded = text.length() < lastLength ? text + " ".repeat(lastLength - text.length()) : text;
            out.print("\r" + padded);
            out.flush();
            lastLength = text.length();
        } else {
            out.println("[evals4j] " + text);
        }
    }
}
