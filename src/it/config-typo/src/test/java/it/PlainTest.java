package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An ordinary Jupiter test: a bad evals4j configuration must not stop it. */
class PlainTest {

    @Test
    void runs() {
        assertEquals(4, 2 + 2);
    }
}
