package dev.evals4j.engine.discovery;

import dev.evals4j.engine.descriptor.EvalsEngineDescriptor;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Builds the test plan of evals4j from a discovery request: class, method, package, class path root,
 * module and unique id selectors become class → method descriptors. Rows are not discovered: they
 * are registered dynamically when their method runs. Stateless.
 */
public final class EvalsDiscovery {

    private static final EngineDiscoveryRequestResolver<EvalsEngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EvalsEngineDescriptor>builder()
                    .addClassContainerSelectorResolver(EvalClasses::isEvalClass)
                    .addSelectorResolver(context -> new ClassSelectorResolver(context.getClassNameFilter()))
                    .addSelectorResolver(new MethodSelectorResolver())
                    .build();

    private EvalsDiscovery() {}

    /** Adds to {@code root} the descriptors {@code request} selects. */
    public static void discover(EngineDiscoveryRequest request, EvalsEngineDescriptor root) {
        RESOLVER.resolve(request, root);
    }
}
