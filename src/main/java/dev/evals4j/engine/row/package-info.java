/**
 * Internal: what a row is while it runs and how it ends: the executor's item and outcome, the events
 * the engine thread reports, and the mapping of an outcome to a JUnit result.
 */
package dev.evals4j.engine.row;
