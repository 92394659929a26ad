package dev.evals4j.engine.binding;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.api.Fixture;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The {@link Fixture} values of one evaluation class instance: created once before its first method
 * runs, looked up by name or type while binding parameters, and closed after its last method.
 *
 * <p>A fixture that is an LLM client retrying failed calls on its own (see {@link ClientRetries}) is
 * logged once, at {@code WARNING}, with the setting that turns its retries off.
 *
 * <p>Immutable after {@link #create}; {@link #close()} is called once, by the thread that created it.
 */
@API(status = INTERNAL, since = "0.1")
public final class Fixtures {

    /**
     * One fixture value.
     *
     * @param name the name parameters refer to it by
     * @param type the type it is matched by: the value's class, or the declared type when it is {@code null}
     * @param value the value (may be {@code null})
     * @param member where it was declared, for messages
     */
    public record Entry(String name, Class<?> type, Object value, String member) {}

    private static final System.Logger LOG = System.getLogger(Fixtures.class.getName());

    private final List<Entry> entries;

    private Fixtures(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
    }

    /** No fixtures. */
    public static Fixtures none() {
        return new Fixtures(List.of());
    }

    /**
     * Creates the fixtures of {@code testClass}: reads its {@code @Fixture} fields and calls its
     * {@code @Fixture} methods on {@code instance}, superclass members first. When one fails, the
     * fixtures created before it are closed.
     *
     * @throws EvalDefinitionException naming the member that failed or is misdeclared
     */
    public static Fixtures create(Class<?> testClass, Object instance) {
        List<Entry> entries = new ArrayList<>();
        try {
            for (Field field : ReflectionSupport.findFields(testClass,
                    f -> AnnotationSupport.isAnnotated(f, Fixture.class), HierarchyTraversalMode.TOP_DOWN)) {
                Object value = ReflectionSupport.tryToReadFieldValue(field, isStatic(field) ? null : instance)
                        .getOrThrow(e -> new EvalDefinitionException("Cannot read @Fixture field " + describe(field), e));
                entries.add(entry(field.getAnnotation(Fixture.class), field.getName(), field.getType(), value, describe(field)));
            }
            for (Method method : ReflectionSupport.findMethods(testClass,
                    m -> AnnotationSupport.isAnnotated(m, Fixture.class), HierarchyTraversalMode.TOP_DOWN)) {
                if (method.getParameterCount() > 0 || method.getReturnType() == void.class) {
                    throw new EvalDefinitionException("@Fixture method " + describe(method)
                            + " must take no parameters and return the fixture value");
                }
                Object value;
                try {
                    value = ReflectionSupport.invokeMethod(method, isStatic(method) ? null : instance);
                } catch (RuntimeException | Error e) {
                    throw new EvalDefinitionException("@Fixture method " + describe(method) + " failed: " + e, e);
                }
                entries.add(entry(method.getAnnotation(Fixture.class), method.getName(), method.getReturnType(), value,
                        describe(method)));
            }
        } catch (RuntimeException e) {
            Exception closing = closeAll(entries);
            if (closing != null) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        for (Entry entry : entries) {
            ClientRetries.warning(entry.value()).ifPresent(warning ->
                    LOG.log(System.Logger.Level.WARNING, "@Fixture " + entry.member() + ": " + warning));
        }
        return new Fixtures(entries);
    }

    private static Entry entry(Fixture annotation, String memberName, Class<?> declared, Object value, String member) {
        String name = annotation.value().isEmpty() ? memberName : annotation.value();
        return new Entry(name, value == null ? declared : value.getClass(), value, member);
    }

    /** The fixture called {@code name}. */
    public Optional<Entry> byName(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The fixtures whose type can be assigned to {@code type}. */
    public List<Entry> assignableTo(Class<?> type) {
        return entries.stream().filter(e -> wrap(type).isAssignableFrom(e.type())).toList();
    }

    /** Every fixture, in creation order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Closes every {@link AutoCloseable} fixture value, in reverse order of creation; each is closed
     * even when an earlier one fails.
     *
     * @throws Exception the first failure, with the later ones suppressed
     */
    public void close() throws Exception {
        Exception failure = closeAll(entries);
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes what can be closed; returns the first failure with the later ones suppressed, or {@code null}. */
    private static Exception closeAll(List<Entry> entries) {
        Exception failure = null;
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).value() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        return failure;
    }

    private static boolean isStatic(Member member) {
        return Modifier.isStatic(member.getModifiers());
    }

    private static String describe(Member member) {
        return member.getDeclaringClass().getSimpleName() + "." + member.getName()
                + (member instanceof Method ? "()" : "");
    }

    static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            case "byte" -> Byte.class;
            case "short" -> Short.class;
            default -> Void.class;
        };
    }
}
