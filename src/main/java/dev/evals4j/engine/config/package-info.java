/**
 * Internal: the registry of configuration keys, the run's configuration and each method's effective
 * settings.
 */
package dev.evals4j.engine.config;
