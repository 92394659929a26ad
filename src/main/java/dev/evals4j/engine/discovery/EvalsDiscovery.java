package dev.evals4j.engine.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.engine.descriptor.EvalsEngineDescriptor;
import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Builds the test plan of evals4j from a discovery request: class, method, package, class path root,
 * module and unique id selectors become class → method descriptors. Rows are not discovered: they
 * are registered dynamically when their method runs. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
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
        selectAllRowsOfSelectedMethods(request, root);
    }

    /**
     * A method selected by its unique id runs every row, even when a row of it was selected too. The
     * resolver answers a unique id it has seen from its cache, so a method id that follows one of its row
     * ids never reaches {@link MethodSelectorResolver}: this pass covers that order.
     */
    private static void selectAllRowsOfSelectedMethods(EngineDiscoveryRequest request, EvalsEngineDescriptor root) {
        Set<UniqueId> selected = request.getSelectorsByType(UniqueIdSelector.class).stream()
                .map(UniqueIdSelector::getUniqueId)
                .collect(Collectors.toSet());
        root.accept(descriptor -> {
            if (descriptor instanceof ForEachMethodDescriptor method && selected.contains(method.getUniqueId())) {
                method.rowSelection().selectAll();
            }
        });
    }
}
