package dev.evals4j.engine.experiment.process;

import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * A sequential sync suite whose second row hangs for good: it announces {@value #HANGING} on
 * standard output, then waits for a latch nobody releases, ignoring interrupts.
 */
public class HangingRowEvals {

    /** The line the hanging row prints before it hangs. */
    public static final String HANGING = "row h2 hangs now";

    static Stream<String> rows() {
        return Stream.of("h1", "h2", "h3");
    }

    @ForEach(value = "id", method = "rows", maxAttempts = 1)
    public Score asks(String id) {
        if (id.equals("h2")) {
            System.out.println(HANGING);
            System.out.flush();
            CountDownLatch never = new CountDownLatch(1);
            while (true) {
                try {
                    never.await();
                } catch (InterruptedException ignored) {
                    // a call that ignores interruption, the worst case for a stop
                }
            }
        }
        return Score.pass("answered");
    }
}
