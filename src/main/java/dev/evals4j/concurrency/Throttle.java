package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A concurrency strategy and the request pacer that works with it: together they decide how many
 * calls may be in flight and how fast new ones may start. Both hold state, so one throttle serves
 * one executor run.
 *
 * @param strategy how many calls may be in flight
 * @param pacer how fast requests may start
 */
@API(status = INTERNAL, since = "0.1")
public record Throttle(ConcurrencyStrategy strategy, RequestPacer pacer) {

    /** A throttle of {@code strategy} and {@code pacer}, both required. */
    public Throttle {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(pacer, "pacer");
    }
}
