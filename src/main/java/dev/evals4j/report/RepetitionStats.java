package dev.evals4j.report;

/**
 * How consistently the rows of a method that runs each row several times were judged.
 *
 * @param rows the rows with at least two judged repetitions (errors and rows that did not run excluded)
 * @param agreement the share of those rows whose repetitions all got the same verdict
 * @param meanStdDev the mean, over those rows, of the standard deviation of their pass/fail outcomes
 *     (0 when every row is stable, 0.5 at most)
 */
public record RepetitionStats(long rows, double agreement, double meanStdDev) {}
