package dev.evals4j.report.allure;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.report.RowObserver;
import java.lang.System.Logger.Level;
import org.apiguardian.api.API;

/**
 * Chooses the {@link RowObserver} of a method run: the Allure bridge when Allure is on the class
 * path, none otherwise. Allure is an optional dependency, so this class names no Allure type; the
 * bridge's classes are loaded only once Allure was found. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class RowObservers {

    private static final System.Logger LOG = System.getLogger(RowObservers.class.getName());
    private static final String ALLURE_CLASS = "io.qameta.allure.Allure";
    private static final boolean ALLURE_PRESENT = isLoadable(ALLURE_CLASS, RowObservers.class.getClassLoader());

    private RowObservers() {}

    /** A new observer for one method run: the Allure bridge if Allure is present, else {@link RowObserver#NONE}. */
    public static RowObserver forMethodRun() {
        return ALLURE_PRESENT ? AllureBridgeLoader.create() : RowObserver.NONE;
    }

    /** Whether {@code className} can be loaded by {@code loader}; never throws. */
    static boolean isLoadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, () -> className + " is not loadable: " + e);
            return false;
        }
    }

    /** The only class that names the bridge: it is loaded, and the bridge with it, once Allure was found. */
    private static final class AllureBridgeLoader {
        static RowObserver create() {
            return new AllureRowObserver();
        }
    }
}
