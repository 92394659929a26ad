package it;

import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;
import dev.evals4j.api.Threshold;

/** A model that gets the sums of odd numbers wrong: rows s3 and s5 fail, four of six pass. */
class SumEvals {

    static int model(int a, int b) {
        return a % 2 == 1 && b % 2 == 0 || a % 2 == 0 && b % 2 == 1 ? a + b + 1 : a + b;
    }

    @ForEach(dataset = "datasets/sums.jsonl")
    @Threshold(metric = "accuracy", min = 0.5)
    Score meetsItsThreshold(int a, int b, int expected) {
        return Score.of("numeric_match", model(a, b) == expected);
    }

    @ForEach(dataset = "datasets/sums.jsonl")
    @Threshold(metric = "accuracy", min = 0.9)
    Score missesItsThreshold(int a, int b, int expected) {
        return Score.of("numeric_match", model(a, b) == expected);
    }
}
