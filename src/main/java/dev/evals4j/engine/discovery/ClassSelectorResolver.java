package dev.evals4j.engine.discovery;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.evals4j.engine.descriptor.EvalClassDescriptor;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves class selectors and class unique ids into {@link EvalClassDescriptor}s. A selected class
 * expands into a method selector per {@code @ForEach} method, so every row of it runs.
 */
final class ClassSelectorResolver implements SelectorResolver {

    private final Predicate<String> classNameFilter;

    ClassSelectorResolver(Predicate<String> classNameFilter) {
        this.classNameFilter = classNameFilter;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        if (!classNameFilter.test(type.getName())) {
            return Resolution.unresolved();
        }
        return resolveClass(type, context);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        var last = uniqueId.getLastSegment();
        if (!last.getType().equals(EvalClassDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                .map(type -> resolveClass(type, context))
                .orElse(Resolution.unresolved());
    }

    private Resolution resolveClass(Class<?> type, Context context) {
        if (!EvalClasses.isEvalClass(type)) {
            return Resolution.unresolved();
        }
        Optional<EvalClassDescriptor> descriptor =
                context.addToParent(parent -> Optional.of(new EvalClassDescriptor(parent.getUniqueId(), type)));
        return descriptor.map(d -> Resolution.match(Match.exact(d, () -> methodSelectors(type))))
                .orElse(Resolution.unresolved());
    }

    private static Set<? extends DiscoverySelector> methodSelectors(Class<?> type) {
        return EvalClasses.forEachMethods(type).stream()
                .map(m -> selectMethod(type, m))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
