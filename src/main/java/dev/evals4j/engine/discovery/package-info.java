/**
 * Internal: resolves the platform's selectors into descriptors, without opening a dataset or calling
 * user code.
 */
package dev.evals4j.engine.discovery;
