/**
 * Internal: the JUnit Platform {@code TestEngine} with the id {@code evals4j}.
 */
package dev.evals4j.engine;
