package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.Console;
import java.lang.reflect.Method;
import org.apiguardian.api.API;

/** Tells whether the console is a real, interactive terminal. Stateless. */
@API(status = INTERNAL, since = "0.1")
public final class Terminals {

    private Terminals() {}

    /**
     * Whether output goes to a real terminal and not through Surefire: {@link System#console()} is
     * present and, on JDK 22 and later (where the console exists even when redirected),
     * {@code Console.isTerminal()} is true.
     */
    public static boolean isInteractive() {
        if (underSurefire()) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22 the console is null when redirected
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Whether this JVM is a Surefire or Failsafe fork, whose console is a pipe to Maven. */
    public static boolean underSurefire() {
        return System.getProperty("surefire.test.class.path") != null
                || System.getProperty("surefire.real.class.path") != null;
    }
}
