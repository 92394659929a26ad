package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.api.JudgeReplyException;
import dev.evals4j.engine.fixtures.JudgeEvals;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A judge model graded through the engine against the simulated provider: its replies go through the
 * row's attempt, so a malformed one is retried like any transient failure and never scored.
 */
class JudgeEndToEndTest {

    private static final String BROKEN_REPLY = "I am sorry, I cannot grade this answer.";

    private SimulatedProvider provider;

    @BeforeEach
    void startTheJudgeModel() {
        provider = SimulatedProvider.start(SimulatorConfig.builder().latency(Duration.ZERO)
                .scriptedReplies("[good]", "{\"score\": 5, \"reason\": \"names Paris\"}")
                .scriptedReplies("[poor]", "The answer names Milan, which is not the capital.\nScore: 1")
                .scriptedReplies("[flaky]", "Let me think about this one.",
                        "```json\n{\"score\": 4, \"reason\": \"names Madrid\"}\n```")
                .scriptedReplies("[broken]", BROKEN_REPLY)
                .build());
        JudgeEvals.baseUrl = provider.baseUrl();
    }

    @AfterEach
    void stopTheJudgeModel() {
        provider.close();
    }

    @ParameterizedTest
    @ValueSource(classes = {JudgeEvals.Sync.class, JudgeEvals.Async.class})
    void aGoodReplyScoresAMalformedOneIsRetriedAndOneThatStaysMalformedIsAnErrorQuotingIt(Class<?> suite) {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of(), selectClass(suite));

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("row:good"), finishedSuccessfully()))
                .haveExactly(1, event(test("row:flaky"), finishedSuccessfully()))
                .haveExactly(1, event(test("row:poor"), finishedWithFailure(message(m -> m.contains("judge")))))
                .haveExactly(1, event(test("row:broken"), finishedWithFailure(instanceOf(JudgeReplyException.class),
                        message(m -> m.contains("reply: '" + BROKEN_REPLY + "'")))));
        Map<String, Integer> judgeCalls = provider.stats().callsByPrompt().entrySet().stream()
                .collect(Collectors.toMap(e -> marker(e.getKey()), e -> e.getValue().intValue()));
        assertThat(judgeCalls).containsExactlyInAnyOrderEntriesOf(Map.of(
                "[good]", 1, "[poor]", 1, "[flaky]", 2, "[broken]", 4));
        assertThat(entries(results, "row:good")).containsEntry("evals4j.scores", "judge=1.000");
        assertThat(entries(results, "row:flaky")).containsEntry("evals4j.attempts", "2")
                .containsEntry("evals4j.scores", "judge=0.750");
        assertThat(entries(results, "row:poor")).as("a low grade is a verdict, not retried")
                .containsEntry("evals4j.attempts", "1").containsEntry("evals4j.scores", "judge=0.000");
    }

    private static String marker(String prompt) {
        return prompt.substring(prompt.indexOf('['), prompt.indexOf(']') + 1);
    }

    private static Map<String, String> entries(EngineExecutionResults results, String row) {
        return results.testEvents().reportingEntryPublished()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains(row))
                .flatMap(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
    }
}
