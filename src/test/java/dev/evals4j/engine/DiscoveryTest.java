package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import dev.evals4j.engine.fixtures.BindingEvals;
import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class DiscoveryTest {

    private static final UniqueId PLAIN = UniqueId.forEngine("evals4j").append("class", PlainEvals.class.getName());

    private static EngineDiscoveryResults discover(org.junit.platform.engine.DiscoverySelector selector) {
        return EngineTestKit.engine("evals4j").selectors(selector).discover();
    }

    @Test
    void aClassBecomesAClassContainerWithOneContainerPerForEachMethod() {
        TestDescriptor root = discover(selectClass(PlainEvals.class)).getEngineDescriptor();

        assertThat(root.getChildren()).singleElement().satisfies(testClass -> {
            assertThat(testClass.getUniqueId()).isEqualTo(PLAIN);
            assertThat(testClass.getSource()).containsInstanceOf(ClassSource.class);
            assertThat(testClass.getChildren()).extracting(TestDescriptor::getDisplayName)
                    .containsExactlyInAnyOrder("answers(String, String)", "asks(String)");
            assertThat(testClass.getChildren()).allSatisfy(method -> {
                assertThat(method.isContainer()).isTrue();
                assertThat(method.mayRegisterTests()).isTrue();
                assertThat(method.getSource()).containsInstanceOf(MethodSource.class);
            });
        });
    }

    @Test
    void aPackageSelectsOnlyClassesWithForEachMethods() {
        TestDescriptor root = discover(selectPackage("dev.evals4j.engine.fixtures")).getEngineDescriptor();

        assertThat(root.getChildren()).extracting(TestDescriptor::getDisplayName)
                .contains("PlainEvals", "OutcomeEvals", "BindingEvals")
                .doesNotContain("EngineTestKitSupport");
    }

    @Test
    void aMethodSelectorSelectsOnlyThatMethod() {
        TestDescriptor root = discover(selectMethod(PlainEvals.class, "asks", "java.lang.String")).getEngineDescriptor();

        assertThat(root.getDescendants()).extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrder("PlainEvals", "asks(String)");
    }

    @Test
    void aNonEvalMethodIsNotSelected() {
        assertThat(discover(selectMethod(PlainEvals.class, "helper")).getEngineDescriptor().getChildren()).isEmpty();
    }

    @Test
    void discoveryNeverOpensADatasetNorCallsARowMethod() {
        BindingEvals.ROWS_CALLS.set(0);

        TestDescriptor root = discover(selectClass(BindingEvals.class)).getEngineDescriptor();

        assertThat(root.getDescendants()).hasSize(1 + 6); // the missing dataset did not fail discovery
        assertThat(BindingEvals.ROWS_CALLS).hasValue(0);
    }

    @Test
    void aRowUniqueIdRunsThatRowAlone() {
        UniqueId method = PLAIN.append(ForEachMethodDescriptor.SEGMENT_TYPE, "answers(java.lang.String,java.lang.String)");

        var results = EngineTestKitSupport.run(Map.of(), selectUniqueId(method.append("row", "q2")));

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("row:q2"), finishedSuccessfully()));
        results.containerEvents().assertStatistics(stats -> stats.started(3)); // engine, class, one method
    }

    @Test
    void rowUniqueIdPlusItsMethodRunsEveryRow() {
        UniqueId method = PLAIN.append(ForEachMethodDescriptor.SEGMENT_TYPE, "answers(java.lang.String,java.lang.String)");

        var results = EngineTestKitSupport.run(Map.of(), selectUniqueId(method.append("row", "q2")),
                selectUniqueId(method));

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }
}
