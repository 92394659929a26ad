package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.ScoreRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Re-scoring stored outputs with a new evaluator calls the model zero times and only scores what lacks the score. */
class RescoreTest {

    @TempDir
    Path directory;

    private SimulatedProvider provider;
    private ExperimentKit kit;

    @BeforeEach
    void setUp() {
        provider = SimulatedProvider.start(SimulatorConfig.builder().latency(Duration.ofMillis(1)).build());
        RescoreEvals.baseUrl = provider.baseUrl();
        RescoreEvals.withShortScore = false;
        RescoreEvals.INVOCATIONS.set(0);
        kit = new ExperimentKit(directory);
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void rescoringAddsTheNewScoreFromStoredOutputsWithoutCallingTheModel() {
        kit.run(RescoreEvals.class, Map.of());
        assertThat(provider.stats().completed()).isEqualTo(6);
        List<String> outputs = kit.runs("scored").stream().map(RunRecord::outputJson).toList();
        RescoreEvals.withShortScore = true;
        RescoreEvals.INVOCATIONS.set(0);

        EngineExecutionResults rescored = kit.run(RescoreEvals.class, Map.of("evals4j.rescore", "short"));

        assertThat(provider.stats().completed()).isEqualTo(6);
        assertThat(RescoreEvals.INVOCATIONS).hasValue(6);
        rescored.testEvents().assertStatistics(stats -> stats.succeeded(6).failed(0));
        assertThat(kit.runs("scored")).hasSize(6).allSatisfy(run -> assertThat(run.scores())
                .extracting(ScoreRecord::name).containsExactly("answered", "short"));
        assertThat(kit.runs("scored").stream().map(RunRecord::outputJson).toList()).isEqualTo(outputs);

        RescoreEvals.INVOCATIONS.set(0);
        EngineExecutionResults again = kit.run(RescoreEvals.class, Map.of("evals4j.rescore", "short"));

        assertThat(RescoreEvals.INVOCATIONS).hasValue(0);
        assertThat(provider.stats().completed()).isEqualTo(6);
        again.testEvents().assertStatistics(stats -> stats.succeeded(6));
    }

    @Test
    void rescoringAnExperimentThatNeverRanFailsTheMethodAndCallsNothing() {
        EngineExecutionResults results = kit.run(RescoreEvals.class, Map.of("evals4j.rescore", "short"));

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("asks"),
                finishedWithFailure(message(m -> m.contains("Cannot re-score the experiment 'scored'")))));
        assertThat(RescoreEvals.INVOCATIONS).hasValue(0);
        assertThat(kit.experiments()).isEmpty();
    }
}
