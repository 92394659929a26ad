package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Follows each attempt of a row on the thread that runs it, for reporters that give what the eval
 * method itself reports (Allure's steps and attachments) to the row it ran for. The engine
 * {@linkplain #enter enters} an attempt on the thread about to call the method, {@linkplain
 * Scope#leaveThread leaves} that thread as soon as the method returned or threw, and {@linkplain
 * Scope#end ends} the attempt once its outcome is known (for a method that returns a
 * {@code CompletionStage}, when that stage completes, on whichever thread completes it), always
 * before the row is reported finished.
 *
 * <p>Implementations are thread-safe: attempts of many rows run at once on the executor's threads.
 */
@API(status = INTERNAL, since = "0.1")
public interface RowAttempts {

    /** Follows nothing. */
    RowAttempts NONE = (rowId, repetition, attempt) -> Scope.NONE;

    /**
     * Attempt {@code attempt} (1-based) of repetition {@code repetition} of row {@code rowId} is about to
     * run on the calling thread.
     *
     * @param repetition the 1-based repetition, or {@code 0} when the method does not repeat its rows
     */
    Scope enter(String rowId, int repetition, int attempt);

    /** One entered attempt. */
    interface Scope {

        /** A scope that does nothing. */
        Scope NONE = new Scope() {
            @Override
            public void leaveThread() {}

            @Override
            public void end() {}
        };

        /** Called once, by the thread that entered, when the method returned or threw: restores that thread. */
        void leaveThread();

        /** Called once, after {@link #leaveThread()}, when the attempt's outcome is known; any thread. */
        void end();
    }
}
