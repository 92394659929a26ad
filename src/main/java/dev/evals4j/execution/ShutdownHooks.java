package dev.evals4j.execution;

/**
 * Registers JVM shutdown hooks; an interface so that tests can run a hook without shutting the
 * JVM down. Implementations must be thread-safe.
 */
interface ShutdownHooks {

    /** Registers {@code hook}; tolerates a JVM that is already shutting down. */
    void add(Thread hook);

    /** Removes {@code hook}; tolerates a JVM that is already shutting down. */
    void remove(Thread hook);

    /** The JVM's own hooks ({@link Runtime#addShutdownHook}). */
    static ShutdownHooks runtime() {
        return new ShutdownHooks() {
            @Override
            public void add(Thread hook) {
                try {
                    Runtime.getRuntime().addShutdownHook(hook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // The run is being torn down with the JVM; nothing to guard.
                }
            }

            @Override
            public void remove(Thread hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // The hook is running or about to: it is what stops us.
                }
            }
        };
    }
}
