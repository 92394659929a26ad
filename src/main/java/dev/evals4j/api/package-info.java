/**
 * What a suite author writes evals with: {@link dev.evals4j.api.ForEach}, {@link dev.evals4j.api.Fixture},
 * {@link dev.evals4j.api.Column}, {@link dev.evals4j.api.Threshold}, the values a method returns
 * ({@link dev.evals4j.api.Score}, {@link dev.evals4j.api.Result}), the {@link dev.evals4j.api.Evaluators},
 * the {@link dev.evals4j.api.EvalContext} of a row, and {@link dev.evals4j.api.RateLimitedException} for a
 * client adapter to signal a provider's rate limit. Together with {@code api.spi}, the whole surface a suite
 * author touches; every type here is marked {@code @API(status = EXPERIMENTAL)} until 1.0.
 */
package dev.evals4j.api;
