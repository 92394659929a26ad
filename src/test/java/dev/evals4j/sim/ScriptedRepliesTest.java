package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies scripted per prompt marker, as a judge model's tests need them: malformed first, then good. */
class ScriptedRepliesTest {

    @Test
    void aPromptWithAMarkerGetsTheRepliesInTurnThenTheLastOneAgain() {
        ScriptedReplies replies = new ScriptedReplies(Map.of("[flaky]", List.of("no idea", "Score: 4")));

        assertThat(replies.reply("Grade this: Paris [flaky]")).contains("no idea");
        assertThat(replies.reply("Grade this: Paris [flaky]")).contains("Score: 4");
        assertThat(replies.reply("Grade this: Paris [flaky]")).contains("Score: 4");
    }

    @Test
    void eachPromptHasItsOwnTurn() {
        ScriptedReplies replies = new ScriptedReplies(Map.of("[flaky]", List.of("no idea", "Score: 4")));

        replies.reply("row 1 [flaky]");

        assertThat(replies.reply("row 2 [flaky]")).as("another row's first call").contains("no idea");
    }

    @Test
    void aPromptWithoutAMarkerIsNotScripted() {
        assertThat(new ScriptedReplies(Map.of("[good]", List.of("Score: 5"))).reply("What is 2 + 2?"))
                .isEqualTo(Optional.empty());
    }

    @Test
    void theProviderAnswersScriptedPromptsBeforeTheOracle() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().latency(Duration.ZERO)
                .oracle(Map.of("judge [good]", "oracle"))
                .scriptedReplies("[good]", "{\"score\": 5}")
                .scriptedReplies("[flaky]", "I cannot tell.", "Score: 4")
                .build();
        try (SimulatedProvider provider = SimulatedProvider.start(config)) {
            SimClient client = SimClient.builder().baseUrl(provider.baseUrl()).build();

            assertThat(client.complete("judge [good]")).isEqualTo("{\"score\": 5}");
            assertThat(client.complete("judge [flaky]")).isEqualTo("I cannot tell.");
            assertThat(client.complete("judge [flaky]")).isEqualTo("Score: 4");
            assertThat(client.complete("What is 2 + 2?")).isEqualTo("4");
        }
    }

    @Test
    void aScriptNeedsAMarkerAndAReply() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SimulatorConfig.builder().scriptedReplies("[x]").build())
                .withMessage("scriptedReplies for marker '[x]' needs at least one reply");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SimulatorConfig.builder().scriptedReplies(" ", "a").build())
                .withMessage("a scriptedReplies marker must not be blank");
    }
}
