/**
 * Internal: runs eval classes and methods; workers post events, and the thread that entered
 * {@code execute()} makes every listener call.
 */
package dev.evals4j.engine.run;
