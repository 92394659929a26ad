package it;

import dev.evals4j.api.ForEach;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Eighty sequential rows of 250 ms each: twenty seconds when nothing stops them. */
public class SlowEvals {

    /** The number of rows. */
    static final int ROWS = 80;

    static Stream<Integer> numbers() {
        return IntStream.rangeClosed(1, ROWS).boxed();
    }

    @ForEach(value = "n", method = "numbers", maxAttempts = 1)
    public boolean slow(int n) throws InterruptedException {
        Thread.sleep(250);
        return true;
    }
}
