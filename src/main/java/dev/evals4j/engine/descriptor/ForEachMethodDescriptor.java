package dev.evals4j.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.api.ForEach;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * A {@code @ForEach} method: the container its rows are registered under while it runs. It has no
 * children after discovery, so it declares that it {@linkplain #mayRegisterTests() may register tests}
 * (otherwise the platform would prune it).
 */
@API(status = INTERNAL, since = "0.1")
public final class ForEachMethodDescriptor extends AbstractTestDescriptor {

    /** The unique id segment type of a method. */
    public static final String SEGMENT_TYPE = "method";

    private final Class<?> testClass;
    private final Method method;
    private final RowSelection rowSelection = new RowSelection();

    /** The descriptor of {@code method}, declared in or inherited by {@code testClass}, under {@code parentId}. */
    public ForEachMethodDescriptor(UniqueId parentId, Class<?> testClass, Method method) {
        super(parentId.append(SEGMENT_TYPE, segmentValue(method)), displayName(method),
                MethodSource.from(testClass, method));
        this.testClass = Objects.requireNonNull(testClass, "testClass");
        this.method = method;
    }

    /** The unique id segment value of {@code method}: its name and parameter types, as Jupiter writes it. */
    public static String segmentValue(Method method) {
        return method.getName() + "(" + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",")) + ")";
    }

    private static String displayName(Method method) {
        return method.getName() + "(" + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ")) + ")";
    }

    /** The class the method runs on. */
    public Class<?> testClass() {
        return testClass;
    }

    /** The method. */
    public Method method() {
        return method;
    }

    /** The method's annotation. */
    public ForEach annotation() {
        return method.getAnnotation(ForEach.class);
    }

    /** Which rows run. */
    public RowSelection rowSelection() {
        return rowSelection;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public boolean mayRegisterTests() {
        return true;
    }
}
