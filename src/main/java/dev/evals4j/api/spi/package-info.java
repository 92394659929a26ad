/**
 * What a library or a suite plugs into the engine: a {@link dev.evals4j.api.spi.DatasetProvider}
 * makes a dataset available by name (through {@link java.util.ServiceLoader}); a
 * {@link dev.evals4j.api.spi.FailureClassifier} tells the engine which failures are rate limits, which
 * are transient and which are permanent (through {@link java.util.ServiceLoader}, a method's
 * {@code @ForEach(classifiers = ...)} or the {@code evals4j.classifiers} configuration parameter).
 */
package dev.evals4j.api.spi;
