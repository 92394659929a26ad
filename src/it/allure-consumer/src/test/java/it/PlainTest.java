package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A Jupiter test next to the evals: it must run on the consumer's JUnit, not on the one Allure names. */
class PlainTest {

    @Test
    void runsOnTheConsumersJUnit() throws ClassNotFoundException {
        String jupiter = System.getProperty("expected.jupiter.version");
        String platform = System.getProperty("expected.platform.version");
        assertEquals(jupiter, versionOf("org.junit.jupiter.api.Test"));
        assertEquals(jupiter, versionOf("org.junit.jupiter.engine.JupiterTestEngine"));
        assertEquals(platform, versionOf("org.junit.platform.engine.TestEngine"));
        assertEquals(platform, versionOf("org.junit.platform.commons.support.ReflectionSupport"));
        assertEquals(platform, versionOf("org.junit.platform.launcher.Launcher"));
    }

    private static String versionOf(String className) throws ClassNotFoundException {
        return Class.forName(className).getPackage().getImplementationVersion();
    }
}
