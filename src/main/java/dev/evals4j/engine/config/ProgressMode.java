package dev.evals4j.engine.config;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/** How the engine shows progress on the console ({@code evals4j.progress}). */
@API(status = INTERNAL, since = "0.1")
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
