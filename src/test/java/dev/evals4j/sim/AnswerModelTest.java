package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnswerModelTest {

    private static final Map<String, String> CAPITALS =
            Map.of("Capital of France?", "Paris", "Capital of Italy?", "Rome", "Capital of Spain?", "Madrid");

    @Test
    void echoesAnUnknownPrompt() {
        assertThat(new AnswerModel(Map.of(), 1).answer("  hello, world  ")).isEqualTo("  hello, world  ");
    }

    @Test
    void answersFromTheOracleMatchingTheTrimmedPrompt() {
        AnswerModel perfect = new AnswerModel(CAPITALS, 1);

        assertThat(perfect.answer("Capital of France?")).isEqualTo("Paris");
        assertThat(perfect.answer(" Capital of Italy?\n")).isEqualTo("Rome");
    }

    @Test
    void aWrongOracleAnswerIsAnotherPlausibleAnswer() {
        AnswerModel hopeless = new AnswerModel(CAPITALS, 0);

        assertThat(hopeless.answer("Capital of France?")).isIn("Rome", "Madrid");
        assertThat(new AnswerModel(Map.of("Only?", "yes"), 0).answer("Only?")).isEqualTo("I don't know.");
        assertThat(new AnswerModel(Map.of("Sum?", "42"), 0).answer("Sum?")).isNotEqualTo("42").containsOnlyDigits();
    }

    @Test
    void answersArithmeticPrompts() {
        AnswerModel perfect = new AnswerModel(Map.of(), 1);

        assertThat(perfect.answer("What is 2 + 3?")).isEqualTo("5");
        assertThat(perfect.answer("what is 10 - 25?")).isEqualTo("-15");
        assertThat(perfect.answer("What is 123456789 * 987654321?")).isEqualTo("121932631112635269");
        assertThat(perfect.answer("What is 2 / 3?")).as("division is not arithmetic here").isEqualTo("What is 2 / 3?");
        assertThat(AnswerModel.arithmetic("What is -4*-4?")).contains(BigInteger.valueOf(16));
    }

    @Test
    void theOracleTakesPrecedenceOverArithmetic() {
        assertThat(new AnswerModel(Map.of("What is 2 + 2?", "fish"), 1).answer("What is 2 + 2?")).isEqualTo("fish");
    }

    @Test
    void accuracyIsTheShareOfCorrectAnswersAndEachPromptIsDeterministic() {
        AnswerModel model = new AnswerModel(Map.of(), 0.7);
        long correct = IntStream.range(0, 2000)
                .filter(i -> model.answer("What is " + i + " + 1?").equals(Integer.toString(i + 1)))
                .count();

        assertThat(correct).isBetween(1300L, 1500L);
        AnswerModel again = new AnswerModel(Map.of(), 0.7);
        IntStream.range(0, 200).forEach(i -> assertThat(again.answer("What is " + i + " * 3?"))
                .isEqualTo(model.answer("What is " + i + " * 3?")));
    }

    @Test
    void theHashIsStableAcrossRuns() {
        assertThat(AnswerModel.stableHash("What is 2 + 3?")).isEqualTo(AnswerModel.stableHash("What is 2 + 3?"));
        assertThat(AnswerModel.stableHash("")).isEqualTo(AnswerModel.stableHash(""));
        assertThat(AnswerModel.stableHash("a")).isNotEqualTo(AnswerModel.stableHash("b"));
    }
}
