package dev.evals4j.execution;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.RestClient;

/** Spring AI 1.1's {@code OpenAiChatModel} (RestClient over the JDK client), with a one-attempt RetryTemplate. */
class SpringAiClassificationTest extends RealClientClassificationTest {

    @Override
    Optional<Throwable> call(String baseUrl, String apiKey, Duration timeout, boolean userMessage) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(timeout);
        String root = URI.create(baseUrl).resolve("/").toString().replaceAll("/$", "");
        OpenAiApi api = OpenAiApi.builder().baseUrl(root).apiKey(apiKey)
                .restClientBuilder(RestClient.builder().requestFactory(requests)).build();
        OpenAiChatModel model = OpenAiChatModel.builder().openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build())
                .retryTemplate(RetryTemplate.builder().maxAttempts(1).build()).build();
        try {
            if (userMessage) {
                model.call("What is 2 + 2?");
            } else {
                model.call(new Prompt(new SystemMessage("You are terse.")));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    @Override
    boolean exposesHeaders() {
        return false; // NonTransientAiException("429 - ...") carries the status in its message only
    }
}
