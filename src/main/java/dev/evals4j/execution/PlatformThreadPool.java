package dev.evals4j.execution;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The call threads of one run before Java 21: platform threads, never fewer than the calls that want
 * one, handed their calls through a queue.
 *
 * <p>A cached pool hands each call to an idle thread through a synchronous queue, so the dispatcher wakes
 * one parked thread per call, thousands of times a second when calls are short. Here a call goes on a
 * queue when a thread is free to take it, and otherwise starts a new thread: the dispatcher wakes a thread
 * only when one waits on an empty queue, a woken thread wakes the next while calls remain queued, and a
 * thread that ends its call takes the next one queued without parking. A call never waits for a thread,
 * however many threads are stuck in calls that timed out.
 *
 * <p>A call is queued only while the calls accepted and not yet ended ({@link #unfinished}, this one
 * included) are no more than the threads: then some thread is free, or about to be, to take it. Threads
 * live as long as the pool (a run), so none leaves while a call it counted on is queued; shutting the
 * pool down ends them once the queue is empty. Thread-safe.
 */
final class PlatformThreadPool extends ThreadPoolExecutor {

    /** Long enough that no thread of a run's pool ends idle before the run does. */
    private static final long KEEP_ALIVE_DAYS = 1;

    private final AtomicInteger unfinished = new AtomicInteger();

    PlatformThreadPool(ThreadFactory threads) {
        super(0, Integer.MAX_VALUE, KEEP_ALIVE_DAYS, TimeUnit.DAYS, new CallQueue(), threads);
        ((CallQueue) getQueue()).pool = this;
    }

    @Override
    public void execute(Runnable call) {
        unfinished.incrementAndGet();
        try {
            super.execute(call);
        } catch (RejectedExecutionException | NullPointerException e) {
            unfinished.decrementAndGet();
            throw e;
        }
    }

    @Override
    protected void afterExecute(Runnable call, Throwable failure) {
        unfinished.decrementAndGet();
    }

    /** Refuses a call when no thread is free for it, which makes the pool start one. */
    private static final class CallQueue extends LinkedBlockingQueue<Runnable> {

        /** Set once, right after the pool is constructed and before any call. */
        private volatile PlatformThreadPool pool;

        @Override
        public boolean offer(Runnable call) {
            return pool.unfinished.get() <= pool.getPoolSize() && super.offer(call);
        }
    }
}
