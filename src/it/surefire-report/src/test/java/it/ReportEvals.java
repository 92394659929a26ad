package it;

import dev.evals4j.api.ForEach;
import java.io.IOException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Twelve rows: nine pass, two fail an assertion, one fails every attempt with an I/O error. */
class ReportEvals {

    static Stream<Integer> numbers() {
        return IntStream.range(0, 12).boxed();
    }

    @ForEach(value = "n", method = "numbers")
    void checks(int n) throws IOException {
        if (n == 11) {
            throw new IOException("provider unavailable for row " + n);
        }
        if (n == 3 || n == 7) {
            throw new AssertionError("row " + n + " is wrong on purpose");
        }
    }
}
