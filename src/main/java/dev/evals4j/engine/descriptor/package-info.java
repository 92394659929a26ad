/**
 * Internal: the test tree of an evals4j run: engine, class, method and row descriptors and their unique
 * ids.
 */
package dev.evals4j.engine.descriptor;
