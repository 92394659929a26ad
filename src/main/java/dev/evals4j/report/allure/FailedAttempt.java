package dev.evals4j.report.allure;

/**
 * An attempt of a row that failed and was retried, as the bridge saw it.
 *
 * @param attempt the 1-based attempt number
 * @param rateLimited whether a rate limit rejected it
 * @param seenAtMillis when the bridge learned of the failure (epoch milliseconds): the attempt's end, give or
 *     take the engine's reporting delay
 */
record FailedAttempt(int attempt, boolean rateLimited, long seenAtMillis) {}
