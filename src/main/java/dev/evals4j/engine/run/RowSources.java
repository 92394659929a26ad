package dev.evals4j.engine.run;

import dev.evals4j.api.ForEach;
import dev.evals4j.dataset.DatasetException;
import dev.evals4j.dataset.DatasetSource;
import dev.evals4j.dataset.Datasets;
import dev.evals4j.engine.binding.EvalDefinitionException;
import dev.evals4j.engine.binding.ParameterBinder;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the rows of a {@code @ForEach} method: its {@code dataset} spec or its {@code method}. Runs
 * at execution time only (discovery never opens datasets or calls user code). Stateless.
 */
final class RowSources {

    private RowSources() {}

    /**
     * The dataset of {@code method}.
     *
     * @param instance the evaluation instance, for an instance {@code method} source
     * @throws EvalDefinitionException when the annotation names no source or two, the row method does not
     *     exist, or the dataset cannot be found; the message names the method and the dataset
     */
    static DatasetSource of(Class<?> testClass, Method method, ForEach annotation, Object instance) {
        String where = testClass.getSimpleName() + "." + method.getName();
        boolean hasDataset = !annotation.dataset().isBlank();
        boolean hasMethod = !annotation.method().isBlank();
        if (hasDataset == hasMethod) {
            throw new EvalDefinitionException("@ForEach on " + where + " must name exactly one of dataset = \"...\" "
                    + "and method = \"...\"" + (hasDataset ? ", not both" : ""));
        }
        if (hasDataset) {
            try {
                return Datasets.resolve(annotation.dataset(), classLoader(testClass), Path.of("").toAbsolutePath());
            } catch (DatasetException e) {
                throw new EvalDefinitionException("Cannot load the dataset '" + annotation.dataset() + "' of " + where
                        + ": " + e.getMessage(), e);
            }
        }
        Method rows = rowMethod(testClass, annotation.method()).orElseThrow(() -> new EvalDefinitionException(
                "@ForEach(method = \"" + annotation.method() + "\") on " + where + ": " + testClass.getSimpleName()
                        + " has no method " + annotation.method() + "() without parameters"));
        rows.trySetAccessible();
        Object target = Modifier.isStatic(rows.getModifiers()) ? null : instance;
        return Datasets.fromObjects(() -> ReflectionSupport.invokeMethod(rows, target),
                ParameterBinder.columnList(annotation.value()), testClass.getSimpleName() + "." + rows.getName() + "()");
    }

    private static Optional<Method> rowMethod(Class<?> testClass, String name) {
        return ReflectionSupport.findMethods(testClass, m -> m.getName().equals(name) && m.getParameterCount() == 0,
                HierarchyTraversalMode.BOTTOM_UP).stream().findFirst();
    }

    private static ClassLoader classLoader(Class<?> testClass) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : testClass.getClassLoader();
    }
}
