package dev.evals4j.report.allure;

import dev.evals4j.report.RowAttempts;
import io.qameta.allure.AllureLifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes Allure calls inside an eval method ({@code Allure.step}, {@code Allure.addAttachment},
 * {@code Allure.parameter}...) reach the row the method runs for, whatever thread runs it. Allure keeps
 * the current test case of each thread in an inheritable thread-local, which the executor's threads do not
 * have (and the row's own result may not exist yet): entering an attempt makes a {@linkplain StandIns stand-in}
 * the current test case of the calling thread, and of the threads it starts, until the method returns;
 * leaving the thread restores the test case that was current there before (without the steps that were open
 * above it, which Allure's API cannot restore); ending the attempt moves what the stand-in was told into a
 * {@link CapturedAttempt}, which the row's observer {@linkplain #take takes} when it fills the row's result.
 * An Allure call the method makes on a thread it did not start, or after the attempt ended, does not reach
 * the row; and since a thread inherits the context of the thread that started it, as Allure wants, a pool
 * thread that was started during an attempt keeps that attempt's stand-in, which a later attempt may be
 * using by the time that thread calls Allure.
 *
 * <p>Thread-safe: the captures wait in a concurrent map, one list per row, appended to under its lock.
 * They are held until the row's observer takes them, when the row is reported, or drops them, when it is not
 * (under {@code report=summary}, or a success under {@code report=failures}); so only a method whose rows are
 * reported while Allure's listener is not registered keeps them until its run is over.
 */
final class AllureAttempts implements RowAttempts {

    private final AllureLifecycle lifecycle;
    private final StandIns standIns;
    private final Map<RowRef, List<CapturedAttempt>> captured = new ConcurrentHashMap<>();

    AllureAttempts(AllureLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.standIns = StandIns.of(lifecycle);
    }

    /** A row of the method, or a repetition of it. */
    private record RowRef(String rowId, int repetition) {}

    @Override
    public Scope enter(String rowId, int repetition, int attempt) {
        Optional<String> previous = lifecycle.getCurrentTestCase();
        String standIn = standIns.take(lifecycle);
        lifecycle.setCurrentTestCase(standIn);
        return new Scope() {
            @Override
            public void leaveThread() {
                lifecycle.stopTestCase(standIn); // the only call that clears the thread's Allure context
                previous.ifPresent(lifecycle::setCurrentTestCase);
            }

            @Override
            public void end() {
                AtomicReference<CapturedAttempt> taken = new AtomicReference<>();
                lifecycle.updateTestCase(standIn, result -> taken.set(CapturedAttempt.takeFrom(attempt, result)));
                standIns.release(standIn);
                if (taken.get() != null && !taken.get().isEmpty()) {
                    captured.compute(new RowRef(rowId, repetition), (row, attempts) -> {
                        List<CapturedAttempt> list = attempts == null ? new ArrayList<>() : attempts;
                        list.add(taken.get());
                        return list;
                    });
                }
            }
        };
    }

    /** Takes what the attempts of repetition {@code repetition} of row {@code rowId} told Allure, in the order they ended. */
    List<CapturedAttempt> take(String rowId, int repetition) {
        List<CapturedAttempt> attempts = captured.remove(new RowRef(rowId, repetition));
        return attempts == null ? List.of() : attempts;
    }
}
