/**
 * Internal: turns a dataset spec (a JSON Lines, JSON or CSV file, a provider's name, a method's rows) into
 * a lazy stream of rows and malformed entries, each with the {@code file:line} it came from.
 */
package dev.evals4j.dataset;
