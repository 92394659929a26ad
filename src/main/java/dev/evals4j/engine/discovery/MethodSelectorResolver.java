package dev.evals4j.engine.discovery;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.evals4j.engine.descriptor.EvalClassDescriptor;
import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import dev.evals4j.engine.descriptor.RowKey;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves method selectors and method or row unique ids into {@link ForEachMethodDescriptor}s. A
 * method selector selects every row; a row unique id selects its method with only that row (what an
 * IDE sends to re-run one row). Never opens a dataset: rows are filtered when the method runs.
 *
 * <p>As in Jupiter, the class of a method selector is resolved by a class selector, which a class-name
 * filter may drop, while the class of a unique id is resolved by its own unique id: the user picked that
 * id, and a filter that decides which classes a scan finds must not make it unresolvable.
 */
final class MethodSelectorResolver implements SelectorResolver {

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!EvalClasses.isForEachMethod(method) || !EvalClasses.isEvalClass(type)) {
            return Resolution.unresolved();
        }
        return resolveMethod(type, method, context, () -> selectClass(type), Optional.empty());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        List<UniqueId.Segment> segments = uniqueId.getSegments();
        int methodIndex = lastIndexOf(segments, ForEachMethodDescriptor.SEGMENT_TYPE);
        if (methodIndex < 1 || !segments.get(methodIndex - 1).getType().equals(EvalClassDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        Optional<RowKey> row = RowKey.fromSegments(uniqueId, methodIndex);
        if (methodIndex != segments.size() - 1 && row.isEmpty()) {
            return Resolution.unresolved();
        }
        Optional<Class<?>> type = ReflectionSupport.tryToLoadClass(segments.get(methodIndex - 1).getValue()).toOptional();
        Optional<Method> method = type.flatMap(t -> EvalClasses.findBySegment(t, segments.get(methodIndex).getValue()));
        if (method.isEmpty() || !EvalClasses.isEvalClass(type.get())) {
            return Resolution.unresolved();
        }
        UniqueId classId = prefix(uniqueId, methodIndex);
        return resolveMethod(type.get(), method.get(), context, () -> selectUniqueId(classId), row);
    }

    private static Resolution resolveMethod(Class<?> type, Method method, Context context,
            Supplier<DiscoverySelector> classSelector, Optional<RowKey> row) {
        Optional<ForEachMethodDescriptor> descriptor = context.addToParent(classSelector,
                parent -> Optional.of(new ForEachMethodDescriptor(parent.getUniqueId(), type, method)));
        descriptor.ifPresent(d -> row.ifPresentOrElse(d.rowSelection()::select, d.rowSelection()::selectAll));
        return descriptor.map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
    }

    /** The unique id made of the first {@code length} segments of {@code uniqueId}. */
    private static UniqueId prefix(UniqueId uniqueId, int length) {
        UniqueId prefix = uniqueId;
        while (prefix.getSegments().size() > length) {
            prefix = prefix.removeLastSegment();
        }
        return prefix;
    }

    private static int lastIndexOf(List<UniqueId.Segment> segments, String type) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i).getType().equals(type)) {
                return i;
            }
        }
        return -1;
    }
}
