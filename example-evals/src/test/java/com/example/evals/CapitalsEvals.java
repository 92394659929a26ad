package com.example.evals;

import dev.evals4j.api.Evaluators;
import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;
import dev.evals4j.api.Threshold;
import java.util.concurrent.CompletionStage;

/**
 * An asynchronous eval over a CSV dataset: it returns a {@link CompletionStage}, so its rows run
 * concurrently under the adaptive strategy. The columns are bound in order, dotevals-style, and the
 * build is gated on the aggregate accuracy rather than on every row.
 */
class CapitalsEvals {

    @Fixture
    Model model() {
        return Model.fromEnvironmentOrSimulator();
    }

    @ForEach(value = "country,capital", dataset = "datasets/capitals.csv")
    @Threshold(metric = "accuracy", min = 0.7)
    CompletionStage<Score> namesTheCapital(String country, String expected, Model model) {
        return model.completeAsync("What is the capital of " + country + "?")
                .thenApply(reply -> Evaluators.normalizedMatch(reply, expected));
    }
}
