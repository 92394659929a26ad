package it;

import dev.evals4j.api.ForEach;
import java.util.stream.Stream;

/** One evaluation; with a bad configuration none of its rows may run. */
class TypoEvals {

    static Stream<String> words() {
        return Stream.of("a", "b");
    }

    @ForEach(value = "word", method = "words")
    void checks(String word) {
        if (word.isEmpty()) {
            throw new AssertionError("empty word");
        }
    }
}
