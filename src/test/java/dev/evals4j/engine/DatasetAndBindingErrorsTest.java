package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.engine.fixtures.BindingEvals;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class DatasetAndBindingErrorsTest {

    private static EngineExecutionResults run(String method, String parameterTypes) {
        return EngineTestKitSupport.run(Map.of(), selectMethod(BindingEvals.class, method, parameterTypes));
    }

    @Test
    void rowsFromAMethodBindByPosition() {
        EngineExecutionResults results = run("fromMethod", "java.lang.String,int");
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void aColumnTheDatasetLacksFailsTheMethodNamingColumnAndDataset() {
        EngineExecutionResults results = run("missingColumn", "java.lang.String,java.lang.String");

        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("missingColumn"),
                finishedWithFailure(message(m -> m.contains("no column rationale") && m.contains("qa.jsonl")
                        && m.contains("BindingEvals.missingColumn")))));
    }

    @Test
    void aMissingDatasetFailsTheMethodNamingTheFile() {
        EngineExecutionResults results = run("missingDataset", "java.lang.String");

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("missingDataset"),
                finishedWithFailure(message(m -> m.contains("engine-test/does-not-exist.jsonl")
                        && m.contains("BindingEvals.missingDataset")))));
    }

    @Test
    void aValueThatDoesNotConvertFailsItsRowOnly() {
        EngineExecutionResults results = run("badValue", "int");

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("row:b"), finishedWithFailure(
                message(m -> m.contains("\"two\"") && m.contains("to int") && m.contains("column 'answer'")
                        && m.contains("typed.jsonl:2")))));
    }

    @Test
    void aMalformedLineIsAFailedRowNamingFileAndLineAndTheOthersRun() {
        EngineExecutionResults results = run("malformedLine", "java.lang.String");

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("row:1"), finishedWithFailure(message(m -> m.contains("malformed.jsonl:2")))))
                .haveExactly(1, event(test("row:c"), finishedSuccessfully()));
    }

    @Test
    void anUnsupportedReturnTypeFailsTheMethod() {
        EngineExecutionResults results = run("unsupportedReturn", "java.lang.String");

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("unsupportedReturn"),
                finishedWithFailure(message(m -> m.contains("returns java.lang.String; supported: void, boolean")))));
        assertThat(results.testEvents().count()).isZero();
    }
}
