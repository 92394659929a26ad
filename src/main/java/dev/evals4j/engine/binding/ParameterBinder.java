package dev.evals4j.engine.binding;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.api.Column;
import dev.evals4j.api.EvalContext;
import dev.evals4j.api.ForEach;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decides, once per method, where each parameter of a {@code @ForEach} method comes from. Precedence:
 * {@link EvalContext} by type; {@link Column @Column}; the columns of {@link ForEach#value()} for
 * the first parameters in order; a fixture by the parameter's name; the only fixture of a matching
 * type (never for text, number, boolean, collection or {@code Object} parameters, which are column
 * types); a column with the parameter's name. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class ParameterBinder {

    private final ColumnConverter converter = new ColumnConverter();

    /**
     * The binding of {@code method}.
     *
     * @throws EvalDefinitionException naming the method and the parameter that cannot be bound
     */
    public MethodBinding bind(Method method, ForEach annotation, Fixtures fixtures) {
        String methodName = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        List<String> valueColumns = columnList(annotation.value());
        Parameter[] parameters = method.getParameters();
        if (valueColumns.size() > parameters.length) {
            throw new EvalDefinitionException("@ForEach(value = \"" + annotation.value() + "\") on " + methodName
                    + " lists " + valueColumns.size() + " columns but the method has only " + parameters.length
                    + " parameters");
        }
        List<ArgumentSource> sources = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            sources.add(source(parameters[i], i, valueColumns, fixtures, methodName));
        }
        return new MethodBinding(methodName, sources);
    }

    /** The column names of a {@code value} attribute such as {@code "question, answer"}. */
    public static List<String> columnList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Whether {@code type} is one dataset columns usually have (text, numbers, booleans, collections,
     * {@code Object}): a fixture of such a type is injected by name only, never by type.
     */
    private static boolean isValueType(Class<?> type) {
        Class<?> wrapped = Fixtures.wrap(type);
        return wrapped == Object.class || CharSequence.class.isAssignableFrom(wrapped)
                || Number.class.isAssignableFrom(wrapped) || wrapped == Boolean.class || wrapped == Character.class
                || Map.class.isAssignableFrom(wrapped) || Collection.class.isAssignableFrom(wrapped) || type.isArray();
    }

    private ArgumentSource source(Parameter parameter, int position, List<String> valueColumns, Fixtures fixtures,
            String method) {
        if (parameter.getType() == EvalContext.class) {
            return new ArgumentSource.FromContext();
        }
        Column column = parameter.getAnnotation(Column.class);
        if (column != null) {
            return new ArgumentSource.FromColumn(column.value(), parameter, method, converter);
        }
        if (position < valueColumns.size()) {
            return new ArgumentSource.FromColumn(valueColumns.get(position), parameter, method, converter);
        }
        if (parameter.isNamePresent()) {
            Optional<Fixtures.Entry> named = fixtures.byName(parameter.getName());
            if (named.isPresent()) {
                if (!Fixtures.wrap(parameter.getType()).isAssignableFrom(named.get().type())) {
                    throw new EvalDefinitionException("Parameter '" + parameter.getName() + "' of " + method + " is a "
                            + parameter.getType().getName() + " but the fixture of that name (" + named.get().member()
                            + ") is a " + named.get().type().getName());
                }
                return new ArgumentSource.FromFixture(named.get());
            }
        }
        List<Fixtures.Entry> byType = isValueType(parameter.getType()) ? List.of()
                : fixtures.assignableTo(parameter.getType());
        if (byType.size() == 1) {
            return new ArgumentSource.FromFixture(byType.get(0));
        }
        if (byType.size() > 1) {
            throw new EvalDefinitionException("Parameter " + parameter.getName() + " of " + method + " matches "
                    + byType.size() + " fixtures by type (" + byType.stream().map(Fixtures.Entry::name).toList()
                    + "); name the parameter like one of them (with -parameters)");
        }
        if (parameter.isNamePresent()) {
            return new ArgumentSource.FromColumn(parameter.getName(), parameter, method, converter);
        }
        throw new EvalDefinitionException("Cannot bind parameter " + parameter.getName() + " (" + parameter.getType()
                .getSimpleName() + ") of " + method + ": parameter names are not available. Compile with -parameters "
                + "(maven-compiler-plugin <parameters>true</parameters>), annotate it with @Column(\"name\"), or list "
                + "the columns in @ForEach(value = \"a,b\")");
    }
}
