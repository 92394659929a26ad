package it;

import dev.evals4j.api.ForEach;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Three rows that pass. */
class ArithmeticEvals {

    static Stream<Integer> numbers() {
        return IntStream.range(0, 3).boxed();
    }

    @ForEach(value = "n", method = "numbers")
    boolean doubles(int n) {
        return n + n == 2 * n;
    }
}
