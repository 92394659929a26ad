package com.example.evals;

import dev.evals4j.api.Evaluators;
import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;

/**
 * A synchronous eval: each row's columns bind to the parameters of the same name, and the model
 * comes from a fixture. Sync evals run one row at a time unless {@code -Dconcurrent=true}.
 */
class ArithmeticEvals {

    @Fixture
    Model model() {
        return Model.fromEnvironmentOrSimulator();
    }

    @ForEach(dataset = "datasets/arithmetic.jsonl")
    Score solvesArithmetic(String question, String answer, Model model) throws Exception {
        return Evaluators.numericMatch(model.complete(question), answer);
    }
}
