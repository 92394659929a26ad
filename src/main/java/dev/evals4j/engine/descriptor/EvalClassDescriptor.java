package dev.evals4j.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * An evaluation class: the container of its {@code @ForEach} methods. Its {@link ClassSource} is what
 * makes Surefire open a report for it.
 */
@API(status = INTERNAL, since = "0.1")
public final class EvalClassDescriptor extends AbstractTestDescriptor {

    /** The unique id segment type of a class. */
    public static final String SEGMENT_TYPE = "class";

    private final Class<?> testClass;

    /** The descriptor of {@code testClass} under {@code parentId}. */
    public EvalClassDescriptor(UniqueId parentId, Class<?> testClass) {
        super(parentId.append(SEGMENT_TYPE, testClass.getName()), displayName(testClass), ClassSource.from(testClass));
        this.testClass = Objects.requireNonNull(testClass, "testClass");
    }

    private static String displayName(Class<?> testClass) {
        String name = testClass.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The evaluation class. */
    public Class<?> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }
}
