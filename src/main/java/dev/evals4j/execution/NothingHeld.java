package dev.evals4j.execution;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Holder of the shared stage of {@link ExecutionListener#nothingHeld()}, which the executors recognise as holding nothing. */
final class NothingHeld {

    /** Completed; a minimal stage, so nobody can complete it otherwise. */
    static final CompletionStage<Void> STAGE = CompletableFuture.completedStage(null);

    private NothingHeld() {}

    /** Whether {@code stage} is known to hold nothing (a complete stage made elsewhere still goes through its completion). */
    static boolean is(CompletionStage<?> stage) {
        return stage == STAGE;
    }
}
