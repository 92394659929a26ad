package dev.evals4j.sim;

/** What the provider does with an admitted request, as drawn by {@link FaultInjector}. */
enum Fault {
    /** Answer normally after the sampled latency. */
    NONE(200),
    /** Answer {@code 500 Internal Server Error} after the sampled latency. */
    INTERNAL_ERROR(500),
    /** Answer {@code 503 Service Unavailable} after the sampled latency. */
    UNAVAILABLE(503),
    /** Never answer, until the hang bound elapses or the provider closes. */
    HANG(0);

    private final int statusCode;

    Fault(int statusCode) {
        this.statusCode = statusCode;
    }

    /** The HTTP status this fault answers with; {@code 0} for {@link #HANG}, which answers nothing. */
    int statusCode() {
        return statusCode;
    }

    /** Whether this fault answers with a server error. */
    boolean isError() {
        return this == INTERNAL_ERROR || this == UNAVAILABLE;
    }
}
