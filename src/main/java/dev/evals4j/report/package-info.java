/**
 * Internal: the console progress line, the summary of a method and its table.
 */
package dev.evals4j.report;
