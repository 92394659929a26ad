/**
 * What a library plugs into the engine through {@link java.util.ServiceLoader}: a
 * {@link dev.evals4j.api.spi.DatasetProvider} makes a dataset available by name.
 */
package dev.evals4j.api.spi;
