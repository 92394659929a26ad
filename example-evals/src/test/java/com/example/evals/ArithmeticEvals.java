package com.example.evals;

import dev.evals4j.api.Evaluators;
import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;
import dev.evals4j.api.Threshold;

/**
 * A synchronous eval: each row's columns bind to the parameters of the same name, and the model
 * comes from a fixture. Sync evals run one row at a time unless {@code -Dconcurrent=true}. The
 * build is gated on the aggregate accuracy: rows the model gets wrong stay visible with their score.
 */
class ArithmeticEvals {

    @Fixture
    Model model() {
        return Model.fromEnvironmentOrSimulator();
    }

    @ForEach(dataset = "datasets/arithmetic.jsonl")
    @Threshold(metric = "accuracy", min = 0.8)
    Score solvesArithmetic(String question, String answer, Model model) throws Exception {
        return Evaluators.numericMatch(model.complete(question), answer);
    }
}
