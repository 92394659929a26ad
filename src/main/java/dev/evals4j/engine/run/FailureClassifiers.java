package dev.evals4j.engine.run;

import dev.evals4j.api.ForEach;
import dev.evals4j.api.spi.FailureClassifier;
import dev.evals4j.engine.binding.EvalDefinitionException;
import dev.evals4j.engine.config.ConfigKeys;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The user's failure classifiers of one method, in the order they are asked: the method's
 * {@code @ForEach(classifiers)}, then {@code evals4j.classifiers}, then those registered through
 * {@link ServiceLoader}; the executor asks the built-in ones after them. Stateless.
 */
final class FailureClassifiers {

    private FailureClassifiers() {}

    /**
     * The classifiers of a method.
     *
     * @param configured the class names of {@code evals4j.classifiers}
     * @param loader the class loader of the eval class, which loads the named and registered classes
     * @param method the method's name, for messages
     * @throws EvalDefinitionException when a classifier cannot be loaded or created; the message names it,
     *     where it was declared and why
     */
    static List<FailureClassifier> of(ForEach annotation, List<String> configured, ClassLoader loader, String method) {
        List<FailureClassifier> classifiers = new ArrayList<>();
        Arrays.stream(annotation.classifiers())
                .map(type -> create(type, "@ForEach(classifiers) on " + method))
                .forEach(classifiers::add);
        configured.stream()
                .map(name -> create(load(name, loader, method), ConfigKeys.CLASSIFIERS.name() + " (for " + method + ")"))
                .forEach(classifiers::add);
        classifiers.addAll(registered(loader, method));
        return List.copyOf(classifiers);
    }

    private static Class<? extends FailureClassifier> load(String name, ClassLoader loader, String method) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new EvalDefinitionException("Cannot run " + method + ": " + ConfigKeys.CLASSIFIERS.name() + " = "
                    + name + " names no class on the class path (" + e + "); allowed: the fully qualified names of"
                    + " FailureClassifier classes separated by commas", e);
        }
        if (!FailureClassifier.class.isAssignableFrom(type)) {
            throw new EvalDefinitionException("Cannot run " + method + ": " + ConfigKeys.CLASSIFIERS.name() + " = "
                    + name + " does not implement " + FailureClassifier.class.getName());
        }
        return type.asSubclass(FailureClassifier.class);
    }

    private static FailureClassifier create(Class<? extends FailureClassifier> type, String declaredBy) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new EvalDefinitionException("The failure classifier " + type.getName() + " of " + declaredBy
                    + " cannot be created: it needs to be a public, non-abstract class with a public no-argument"
                    + " constructor (" + e + ")", e);
        } catch (InvocationTargetException e) {
            throw new EvalDefinitionException("The failure classifier " + type.getName() + " of " + declaredBy
                    + " failed in its constructor: " + e.getCause(), e.getCause());
        }
    }

    private static List<FailureClassifier> registered(ClassLoader loader, String method) {
        try {
            return ServiceLoader.load(FailureClassifier.class, loader).stream().map(ServiceLoader.Provider::get)
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new EvalDefinitionException("Cannot run " + method + ": a failure classifier registered in"
                    + " META-INF/services/" + FailureClassifier.class.getName() + " could not be loaded: "
                    + e.getMessage(), e);
        }
    }
}
