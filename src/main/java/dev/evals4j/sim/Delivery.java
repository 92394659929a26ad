package dev.evals4j.sim;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How a {@link ChatHandler} waits out a delay before it acts on a request: on a timer, holding no thread
 * ({@link SimulatorConfig.Personality#EVALS4J}), or by sleeping on the request's own thread
 * ({@link SimulatorConfig.Personality#TYPICAL_PROVIDER}). Thread-safe.
 */
interface Delivery {

    /**
     * Runs {@code action} for {@code exchange} once {@code delay} has passed; closes the exchange instead
     * when the provider is closing.
     */
    void after(HttpExchange exchange, Duration delay, Runnable action);

    /** The delivery of {@code personality}, with the provider's timer and request executor. */
    static Delivery of(SimulatorConfig.Personality personality, ScheduledExecutorService timer, Executor workers) {
        return personality == SimulatorConfig.Personality.TYPICAL_PROVIDER ? sleeping() : timed(timer, workers);
    }

    /** A timer fires when the delay is over and hands the action to {@code workers}: no thread waits. */
    static Delivery timed(ScheduledExecutorService timer, Executor workers) {
        return (exchange, delay, action) -> {
            try {
                timer.schedule(() -> {
                    try {
                        workers.execute(action);
                    } catch (RejectedExecutionException closing) {
                        exchange.close();
                    }
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                exchange.close();
            }
        };
    }

    /** The request's thread sleeps through the delay, then acts; an interrupt (the provider closing) closes. */
    static Delivery sleeping() {
        return (exchange, delay, action) -> {
            try {
                TimeUnit.NANOSECONDS.sleep(delay.toNanos());
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
            action.run();
        };
    }
}
