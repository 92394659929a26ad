/**
 * The command-line view of the results store ({@code list}, {@code show}, {@code compare},
 * {@code export}): its commands are the interface, its classes are internal.
 */
package dev.evals4j.storage.cli;
