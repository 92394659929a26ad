package dev.evals4j.execution;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Optional;

/** LangChain4j 1.x's {@code OpenAiChatModel} (JDK HTTP client), its retries off. */
class LangChain4jClassificationTest extends RealClientClassificationTest {

    @Override
    Optional<Throwable> call(String baseUrl, String apiKey, Duration timeout, boolean userMessage) {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName("gpt-4o-mini")
                .timeout(timeout).maxRetries(0).build();
        try {
            if (userMessage) {
                model.chat("What is 2 + 2?");
            } else {
                model.chat(SystemMessage.from("You are terse."));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }
}
