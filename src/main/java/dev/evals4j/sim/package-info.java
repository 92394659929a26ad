/**
 * A simulated LLM provider and a minimal client for it.
 *
 * <p>{@link dev.evals4j.sim.SimulatedProvider} serves an OpenAI-compatible
 * {@code POST /v1/chat/completions} endpoint on the loopback interface, configured by a
 * {@link dev.evals4j.sim.SimulatorConfig}: a log-normal latency, a token-bucket rate limit answered
 * by {@code 429} and {@code Retry-After} (optionally shifting over time), a concurrency capacity above
 * which latency grows, injected transient {@code 5xx} errors and hangs, and deterministic answers
 * (echo, an oracle with an accuracy, or simple arithmetic). It counts every request so that tests can
 * assert that each dataset row was called exactly once.
 *
 * <p>{@link dev.evals4j.sim.SimClient} is a small, thread-safe OpenAI-compatible chat client that maps
 * {@code 429} to a {@link dev.evals4j.api.RateLimitedException} carrying the {@code Retry-After} wait and
 * other failed statuses to an {@link java.io.IOException} naming the status, so the executor's retry and rate-limit
 * classification applies to it without a compile-time dependency.
 *
 * <p>{@code SimulatedProvider}, {@code SimulatorConfig} and {@code SimClient} are public tools, marked
 * {@code @API(status = EXPERIMENTAL)}: examples and consumer tests start a simulated provider as a
 * stand-in model. Every other type here is internal.
 *
 * <p>The package uses only the JDK ({@code com.sun.net.httpserver}, {@code java.net.http}) and Jackson.
 */
package dev.evals4j.sim;
