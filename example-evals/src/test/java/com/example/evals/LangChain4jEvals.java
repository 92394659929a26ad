package com.example.evals;

import dev.evals4j.api.Evaluators;
import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;
import dev.evals4j.api.Threshold;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * The arithmetic eval written with LangChain4j: its {@link ChatModel} is the fixture, and evals4j
 * recognises the client's failures (429 and 5xx answers, timeouts). The model's own retries are off,
 * so every 429 reaches evals4j's rate limiter instead of being retried, unseen, by the client. Runs
 * against the local simulator unless {@code OPENAI_BASE_URL} (and {@code OPENAI_API_KEY}) are set.
 */
class LangChain4jEvals {

    @Fixture
    final Endpoint endpoint = Endpoint.fromEnvironmentOrSimulator();   // closed by the engine after the class

    @Fixture
    ChatModel model() {
        return OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKey())
                .modelName(endpoint.modelName())
                .maxRetries(0)                                          // evals4j retries, and waits Retry-After
                .build();
    }

    @ForEach(dataset = "datasets/arithmetic.jsonl")
    @Threshold(metric = "accuracy", min = 0.8)
    Score solvesArithmetic(String question, String answer, ChatModel model) {
        return Evaluators.numericMatch(model.chat(question), answer);
    }
}
