/**
 * Internal: the results store ({@code ResultStore}) over JDBC (SQLite by default) or in memory:
 * experiments and one record per (row, repetition).
 */
package dev.evals4j.storage;
