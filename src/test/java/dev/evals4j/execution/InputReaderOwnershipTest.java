package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The inputs of an {@link AsyncExecutor} run have one owner at a time: the input reader while the run
 * lasts, the caller of {@code run} once it returned. A caller that closes the inputs (a dataset stream)
 * right after {@code run} returns must never race the reader still inside them.
 */
@Timeout(30)
class InputReaderOwnershipTest {

    @Test
    void runReturnsOnlyAfterTheInputReaderHasLeftTheIterator() throws Exception {
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.<Integer, Integer>builder(
                (input, attempt) -> CompletableFuture.completedFuture(input)).build();
        OwnedInputs inputs = new OwnedInputs();
        Thread caller = new Thread(() -> {
            try (inputs) {
                executor.run(inputs, new RecordingListener<>());
            }
        }, "run-caller");
        inputs.caller = caller;

        caller.start();
        inputs.readerInside.await();
        executor.stop();
        caller.join();

        assertThat(inputs.violations).isEmpty();
        assertThat(inputs.readers).singleElement().satisfies(t -> assertThat(t.getName()).isEqualTo("evals4j-input"));
    }

    /**
     * One input, then a read that blocks until the reader is interrupted (the executor stopping) and
     * then, like a file read or a store lookup that does not answer interruption, finishes only once the
     * caller of {@code run} has either returned and closed the inputs, or waits for the reader. Notes
     * every thread that reads it, a close while a reader is inside, and every read after the close.
     */
    private static final class OwnedInputs implements Iterator<Integer>, AutoCloseable {

        final CountDownLatch readerInside = new CountDownLatch(1);
        final Set<Thread> readers = ConcurrentHashMap.newKeySet();
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger reads = new AtomicInteger();
        private final AtomicInteger inside = new AtomicInteger();
        volatile Thread caller;
        private volatile boolean closed;

        @Override
        public boolean hasNext() {
            touch("hasNext()");
            if (reads.incrementAndGet() == 1) {
                return true;
            }
            inside.incrementAndGet();
            readerInside.countDown();
            while (!Thread.interrupted()) {
                LockSupport.park(this);
            }
            while (!closed && caller.getState() != Thread.State.WAITING) {
                Thread.yield();
            }
            touch("the end of hasNext()");
            inside.decrementAndGet();
            Thread.currentThread().interrupt();
            return false;
        }

        @Override
        public Integer next() {
            touch("next()");
            if (reads.get() != 1) {
                throw new NoSuchElementException();
            }
            return 1;
        }

        private void touch(String what) {
            readers.add(Thread.currentThread());
            if (closed) {
                violations.add(what + " ran on " + Thread.currentThread().getName() + " after the inputs were closed");
            }
        }

        @Override
        public void close() {
            if (inside.get() > 0) {
                violations.add("the inputs were closed while the reader was inside hasNext()");
            }
            closed = true;
        }
    }
}
