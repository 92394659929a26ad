package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a tool sends to re-run one row or one method: its unique id together with a class-name filter
 * (here the console launcher's default pattern, which {@code PlainEvals} does not match: a filter decides
 * which classes a scan finds, not which ids the user picked). Runs through the real launcher, which fails
 * a selector no engine resolves.
 */
class UniqueIdSelectionTest {

    private static final UniqueId METHOD = UniqueId.forEngine(EvalsTestEngine.ENGINE_ID)
            .append("class", PlainEvals.class.getName())
            .append(ForEachMethodDescriptor.SEGMENT_TYPE, "answers(java.lang.String,java.lang.String)");

    /** The unique ids of the tests that finished, and how. */
    private static List<String> run(UniqueId selected) {
        List<String> finished = new CopyOnWriteArrayList<>();
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectUniqueId(selected))
                        .filters(includeClassNamePatterns(ClassNameFilter.STANDARD_INCLUDE_PATTERN), EngineFilter.includeEngines(EvalsTestEngine.ENGINE_ID))
                        .configurationParameter("evals4j.progress", "off")
                        .configurationParameter("evals4j.storage", "none")
                        .build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            finished.add(id.getUniqueIdObject().getLastSegment().getValue() + " " + result.getStatus());
                        }
                    }
                });
        return finished;
    }

    @Test
    void aRowUniqueIdWithAClassNameFilterRunsExactlyThatRow() {
        assertThat(run(METHOD.append("row", "q2"))).containsExactly("q2 SUCCESSFUL");
    }

    @Test
    void aMethodUniqueIdWithAClassNameFilterRunsEveryRowOfThatMethod() {
        assertThat(run(METHOD)).containsExactlyInAnyOrder("q1 SUCCESSFUL", "q2 SUCCESSFUL", "q3 SUCCESSFUL");
    }

    @Test
    void aClassUniqueIdWithAClassNameFilterRunsEveryRowOfTheClass() {
        assertThat(run(METHOD.removeLastSegment())).hasSize(6).allMatch(row -> row.endsWith(" SUCCESSFUL"));
    }
}
