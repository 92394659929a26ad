/**
 * Internal: writes every method's summary to {@code summary.json}.
 */
package dev.evals4j.report.json;
