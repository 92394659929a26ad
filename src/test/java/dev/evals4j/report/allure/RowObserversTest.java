package dev.evals4j.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.report.RowObserver;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class RowObserversTest {

    @Test
    void withAllureOnTheClassPathEveryMethodRunGetsItsOwnBridge() {
        RowObserver first = RowObservers.forMethodRun();

        assertThat(first.getClass().getName()).isEqualTo("dev.evals4j.report.allure.AllureRowObserver");
        assertThat(RowObservers.forMethodRun()).isNotSameAs(first);
    }

    @Test
    void withoutAllureNoObserverIsUsedAndNoAllureClassIsNeeded() throws Exception {
        URL ourClasses = RowObservers.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader withoutAllure = new ClassLoader(RowObservers.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.qameta.") || name.startsWith("dev.evals4j.")) {
                    throw new ClassNotFoundException(name + " is hidden by this test");
                }
                return super.loadClass(name, resolve);
            }
        };
        try (URLClassLoader evals4j = new URLClassLoader(new URL[] {ourClasses}, withoutAllure)) {
            Class<?> observers = Class.forName(RowObservers.class.getName(), true, evals4j);
            Object none = Class.forName(RowObserver.class.getName(), true, evals4j).getField("NONE").get(null);

            Object chosen = observers.getMethod("forMethodRun").invoke(null);

            assertThat(chosen).isSameAs(none);
        }
    }

    @Test
    void aMissingClassIsReportedAsNotLoadable() {
        assertThat(RowObservers.isLoadable("io.qameta.allure.Allure", getClass().getClassLoader())).isTrue();
        assertThat(RowObservers.isLoadable("io.qameta.allure.NoSuchClass", getClass().getClassLoader())).isFalse();
    }
}
