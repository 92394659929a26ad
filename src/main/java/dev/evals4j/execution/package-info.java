/**
 * Internal: runs a sequence of inputs with retries, timeouts and rate-limit handling: the sequential and
 * the asynchronous executor, usable without JUnit.
 */
package dev.evals4j.execution;
