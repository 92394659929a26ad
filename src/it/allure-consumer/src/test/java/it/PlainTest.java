package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** A Jupiter test next to the evals: it must run on the consumer's JUnit, not on one evals4j chose. */
class PlainTest {

    @Test
    void runsOnTheConsumersJUnit(TestInfo info) throws ClassNotFoundException {
        String expected = System.getProperty("expected.junit.version");
        assertEquals("runsOnTheConsumersJUnit(TestInfo)", info.getDisplayName());
        assertEquals(expected, versionOf("org.junit.jupiter.engine.JupiterTestEngine"));
        assertEquals(expected, versionOf("org.junit.platform.engine.TestEngine"));
        assertEquals(expected, versionOf("org.junit.platform.commons.support.ReflectionSupport"));
        assertEquals(expected, versionOf("org.junit.platform.launcher.Launcher"));
    }

    private static String versionOf(String className) throws ClassNotFoundException {
        return Class.forName(className).getPackage().getImplementationVersion();
    }
}
