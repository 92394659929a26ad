package com.example.evals;

import dev.evals4j.api.Evaluators;
import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Result;
import dev.evals4j.api.Threshold;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;

/**
 * A retrieval eval with a real model and no network: LangChain4j's all-MiniLM-L6-v2 sentence
 * embedding model runs in process (ONNX, on the CPU, its weights inside the Maven artifact). The
 * fixture embeds the 75 passages of {@code datasets/retrieval/passages.jsonl} once; each question of
 * {@code questions.jsonl} is embedded, the passages are ranked by cosine similarity, and the ranking
 * is scored against the question's relevant passages. The summary prints each metric's mean with its
 * 95% confidence interval; the build is gated on the means.
 */
class RetrievalEvals {

    /** How many passages a search returns: the reciprocal rank counts a hit up to this rank. */
    private static final int RETRIEVED = 10;

    @Fixture
    PassageIndex index() {
        return PassageIndex.of(new AllMiniLmL6V2EmbeddingModel(), "datasets/retrieval/passages.jsonl");
    }

    @ForEach(dataset = "datasets/retrieval/questions.jsonl")
    @Threshold(metric = "mean:recall@3", min = 0.8)
    @Threshold(metric = "mean:mrr", min = 0.7)
    Result retrievesTheRelevantPassages(String question, List<String> relevant, PassageIndex index) {
        List<String> ranked = index.search(question, RETRIEVED);
        return Result.of(ranked,
                Evaluators.recallAtK(ranked, relevant, 3),
                Evaluators.reciprocalRank(ranked, relevant),
                Evaluators.ndcgAtK(ranked, relevant, RETRIEVED));
    }
}
