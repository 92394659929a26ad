/**
 * Internal: binds a row's columns, the class's fixtures and the row's context to an eval method's
 * parameters.
 */
package dev.evals4j.engine.binding;
