/**
 * Internal: how many calls may be in flight ({@code ConcurrencyStrategy}: {@code Adaptive}, {@code Aimd},
 * {@code SlidingWindow}) and when the next one may start ({@code AdaptiveRateLimiter}), each deterministic
 * under an injected {@code Ticker}.
 */
package dev.evals4j.concurrency;
