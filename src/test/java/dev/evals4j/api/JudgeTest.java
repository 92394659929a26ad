package dev.evals4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JudgeTest {

    private static final String RUBRIC = "The answer names the capital of the country asked about.";

    /** A judge model that always replies {@code reply} and remembers the prompts it was given. */
    private static final class FakeJudge implements Function<String, String> {
        final List<String> prompts = new ArrayList<>();
        final String reply;

        FakeJudge(String reply) {
            this.reply = reply;
        }

        @Override
        public String apply(String prompt) {
            prompts.add(prompt);
            return reply;
        }
    }

    @Nested
    class Prompt {

        @Test
        void theDefaultTemplateCarriesTheRubricTheQuestionTheAnswerAndTheScale() {
            FakeJudge model = new FakeJudge("Score: 5");

            Judge.of(RUBRIC, model).grade("What is the capital of France?", "Paris");

            assertThat(model.prompts).singleElement().satisfies(prompt -> assertThat(prompt)
                    .contains(RUBRIC, "What is the capital of France?", "Paris", "from 1 (", "to 5 (")
                    .doesNotContain("{{"));
        }

        @Test
        void anotherTemplateIsAClassPathResourceWithItsOwnPlaceholders() {
            FakeJudge model = new FakeJudge("{\"score\": 3}");
            Judge judge = Judge.of(RUBRIC, model).withTemplate("judge-test/with-reference.txt");

            judge.grade(Map.of("question", "Capital of Peru?", "answer", "Lima", "reference", "Lima"));

            assertThat(model.prompts).containsExactly(
                    "Rubric: " + RUBRIC + "\nQ: Capital of Peru?\nA: Lima\nReference: Lima\nGrade 1-5.\n");
        }

        @Test
        void aTemplateAtTheDefaultPathEarlierOnTheClassPathReplacesTheDefault(@TempDir Path classPath) throws Exception {
            Path override = classPath.resolve(Judge.DEFAULT_TEMPLATE);
            Files.createDirectories(override.getParent());
            Files.writeString(override, "Ours: {{rubric}} / {{answer}}");
            FakeJudge model = new FakeJudge("Score: 5");
            Thread thread = Thread.currentThread();
            ClassLoader original = thread.getContextClassLoader();
            try (URLClassLoader projectFirst = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, null)) {
                thread.setContextClassLoader(projectFirst);
                Judge.of(RUBRIC, model).grade("q", "Paris");
            } finally {
                thread.setContextClassLoader(original);
            }

            assertThat(model.prompts).containsExactly("Ours: " + RUBRIC + " / Paris");
        }

        @Test
        void aMissingTemplateOrAMissingValueIsNamed() {
            assertThatThrownBy(() -> Judge.of(RUBRIC, new FakeJudge("")).withTemplate("judge-test/none.txt"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No judge prompt template at the class path resource 'judge-test/none.txt'");
            Judge judge = Judge.of(RUBRIC, new FakeJudge("Score: 1")).withTemplate("judge-test/with-reference.txt");
            assertThatThrownBy(() -> judge.grade("Capital of Peru?", "Lima"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The judge prompt template 'judge-test/with-reference.txt' uses {{reference}}, but no "
                            + "value was given for it; given: [answer, max, min, question, rubric]");
        }
    }

    @Nested
    class Grades {

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"score\": 4, \"reason\": \"names Paris\"}",
            "Here is my verdict:\n```json\n{\"score\": 4, \"reason\": \"names Paris\"}\n```\nHope this helps.",
            "{\"grade\": \"4\", \"reasoning\": \"names Paris\"}",
            "The answer names Paris, which is right, but adds an error.\nScore: 4",
            "Reasoning: names Paris.\n**Score:** 4/5",
            "rating = 4",
        })
        void aGradeIsFoundInJsonOrAScoreLineWhateverSurroundsIt(String reply) {
            Score score = Judge.of(RUBRIC, new FakeJudge(reply)).grade("q", "a");

            assertThat(score.name()).isEqualTo("judge");
            assertThat(score.value()).as("4 on 1..5").isEqualTo(0.75);
            assertThat(score.passed()).isTrue();
            assertThat(score.detail()).startsWith("grade 4 of 1-5 (passing 4)");
        }

        @Test
        void theReasonGivenIsTheDetail() {
            Score score = Judge.of(RUBRIC, new FakeJudge("{\"score\": 2, \"reason\": \"names Lyon, not Paris\"}"))
                    .grade("q", "a");

            assertThat(score).isEqualTo(new Score("judge", 0.25, false, "grade 2 of 1-5 (passing 4): names Lyon, not Paris"));
        }

        @Test
        void theScaleThePassingGradeAndTheNameCanBeChanged() {
            Score score = Judge.of(RUBRIC, new FakeJudge("Score: 7")).withScale(0, 10, 6).named("correctness")
                    .grade("q", "a");

            assertThat(score).isEqualTo(new Score("correctness", 0.7, true, "grade 7 of 0-10 (passing 6)"));
        }

        @Test
        void theLastScoreLineCountsWhenTheReplyHasSeveral() {
            Score score = Judge.of(RUBRIC, new FakeJudge("A first thought, score: 2.\nOn reflection:\nScore: 5"))
                    .grade("q", "a");

            assertThat(score.value()).isEqualTo(1.0);
        }
    }

    @Nested
    class MalformedReplies {

        @ParameterizedTest
        @ValueSource(strings = {
            "I cannot grade this answer.",
            "{\"score\": \"excellent\"}",
            "Score: 9",
            "",
        })
        void aReplyWithoutAGradeInTheScaleIsAJudgeReplyExceptionQuotingIt(String reply) {
            assertThatThrownBy(() -> Judge.of(RUBRIC, new FakeJudge(reply)).grade("q", "a"))
                    .isInstanceOf(JudgeReplyException.class)
                    .hasMessageStartingWith("The judge's reply holds no grade from 1 to 5 (a JSON object with a "
                            + "numeric \"score\", or a line \"Score: n\"); reply: '" + reply)
                    .satisfies(e -> assertThat(((JudgeReplyException) e).reply()).isEqualTo(reply));
        }

        @Test
        void aNullReplyIsMalformedToo() {
            assertThatThrownBy(() -> Judge.of(RUBRIC, prompt -> null).grade("q", "a"))
                    .isInstanceOf(JudgeReplyException.class)
                    .hasMessageEndingWith("reply: null");
        }
    }

    @Nested
    class Async {

        @Test
        void anAsyncJudgeGradesInItsStage() {
            Judge judge = Judge.ofAsync(RUBRIC, prompt -> CompletableFuture.supplyAsync(() -> "Score: 5"));

            assertThat(judge.gradeAsync("q", "a").toCompletableFuture().join().value()).isEqualTo(1.0);
            assertThat(judge.grade("q", "a").value()).as("and blocks in grade").isEqualTo(1.0);
        }

        @Test
        void aMalformedAsyncReplyFailsTheStage() {
            Judge judge = Judge.ofAsync(RUBRIC, prompt -> CompletableFuture.completedFuture("no idea"));

            assertThatThrownBy(() -> judge.gradeAsync("q", "a").toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(JudgeReplyException.class);
            assertThatThrownBy(() -> judge.grade("q", "a"))
                    .as("grade throws the cause itself").isInstanceOf(JudgeReplyException.class);
        }

        @Test
        void aSyncJudgeCalledAsynchronouslyAnswersInACompletedStage() {
            FakeJudge model = new FakeJudge("Score: 4");

            assertThat(Judge.of(RUBRIC, model).gradeAsync("q", "a").toCompletableFuture().join().passed()).isTrue();
        }
    }
}
