package dev.evals4j.engine.discovery;

import dev.evals4j.api.ForEach;
import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What counts as an evaluation class and which of its methods are evaluations. Looks only at
 * declarations: never instantiates a class, calls a method or opens a dataset. Stateless.
 */
final class EvalClasses {

    private static final Predicate<Method> IS_FOR_EACH = m -> AnnotationSupport.isAnnotated(m, ForEach.class)
            && !Modifier.isPrivate(m.getModifiers()) && !Modifier.isAbstract(m.getModifiers());

    private EvalClasses() {}

    /** Whether {@code type} is a concrete, non-private top-level or static nested class with a {@code @ForEach} method. */
    public static boolean isEvalClass(Class<?> type) {
        int modifiers = type.getModifiers();
        boolean candidate = !type.isInterface() && !type.isAnnotation() && !type.isEnum() && !type.isAnonymousClass()
                && !type.isLocalClass() && !Modifier.isAbstract(modifiers) && !Modifier.isPrivate(modifiers)
                && (type.getEnclosingClass() == null || Modifier.isStatic(modifiers));
        return candidate && !forEachMethods(type).isEmpty();
    }

    /** The {@code @ForEach} methods of {@code type} and its superclasses, superclass methods first. */
    public static List<Method> forEachMethods(Class<?> type) {
        return ReflectionSupport.findMethods(type, IS_FOR_EACH, HierarchyTraversalMode.TOP_DOWN);
    }

    /** Whether {@code method} is a {@code @ForEach} method. */
    public static boolean isForEachMethod(Method method) {
        return IS_FOR_EACH.test(method);
    }

    /** The {@code @ForEach} method of {@code type} whose unique id segment value is {@code segmentValue}. */
    public static Optional<Method> findBySegment(Class<?> type, String segmentValue) {
        return forEachMethods(type).stream()
                .filter(m -> ForEachMethodDescriptor.segmentValue(m).equals(segmentValue))
                .findFirst();
    }
}
