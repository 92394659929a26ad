package dev.evals4j.engine.config;

/** How the engine shows progress on the console ({@code evals4j.progress}). */
public enum ProgressMode {
    /** A live line on a real terminal outside Surefire, periodic plain lines otherwise. */
    AUTO,
    /** Always the live line. */
    BAR,
    /** Always periodic plain lines. */
    LINES,
    /** Nothing. */
    OFF
}
