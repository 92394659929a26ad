package dev.evals4j.execution;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run calls: virtual threads on Java 21+ (reached reflectively, since evals4j
 * compiles for Java 17), a {@link PlatformThreadPool} of daemon platform threads otherwise. Every task submitted
 * through {@link #wrap} marks its thread while it runs, so {@link #isWorkerThread()} can tell that
 * the current code is already inside one of our calls. Stateless apart from a name counter.
 */
final class WorkerThreads {

    private static final ThreadLocal<Boolean> INSIDE_WORKER = ThreadLocal.withInitial(() -> false);
    private static final AtomicInteger PLATFORM_THREADS = new AtomicInteger();

    private WorkerThreads() {}

    /** A new pool for one run; the caller shuts it down. */
    static ExecutorService newPool() {
        try {
            Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) factory.invoke(null);
        } catch (ReflectiveOperationException beforeJava21) {
            ThreadFactory daemons = task -> {
                Thread thread = new Thread(task, "evals4j-worker-" + PLATFORM_THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            return new PlatformThreadPool(daemons);
        }
    }

    /** Whether the current thread is running a call of one of our executors. */
    static boolean isWorkerThread() {
        return INSIDE_WORKER.get();
    }

    /** {@code task}, marking its thread as a worker while it runs. */
    static Runnable wrap(Runnable task) {
        return () -> {
            boolean outer = INSIDE_WORKER.get();
            INSIDE_WORKER.set(true);
            try {
                task.run();
            } finally {
                INSIDE_WORKER.set(outer);
            }
        };
    }

    /** A daemon platform thread for an executor's own loop (dispatcher, input reader). */
    static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
