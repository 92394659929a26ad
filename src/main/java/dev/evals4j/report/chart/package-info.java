/**
 * Internal: records what a method's executor did over time (calls in flight, the concurrency limit, the
 * pacer's rate, retries and rate limits) in a bounded series, and draws it as a PNG chart.
 */
package dev.evals4j.report.chart;
