package dev.evals4j.execution;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.time.Duration;
import java.util.Optional;

/** The OpenAI Java SDK (OkHttp), its retries off. */
class OpenAiJavaClassificationTest extends RealClientClassificationTest {

    @Override
    Optional<Throwable> call(String baseUrl, String apiKey, Duration timeout, boolean userMessage) {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey).maxRetries(0)
                .timeout(timeout).build();
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model("gpt-4o-mini");
        if (userMessage) {
            params.addUserMessage("What is 2 + 2?");
        } else {
            params.addSystemMessage("You are terse.");
        }
        try {
            client.chat().completions().create(params.build()).choices().get(0).message().content();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        } finally {
            client.close();
        }
    }
}
