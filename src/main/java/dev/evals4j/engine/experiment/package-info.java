/**
 * Internal: connects a method's run to the results store: naming, resume, recording and re-scoring.
 */
package dev.evals4j.engine.experiment;
