package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.api.spi.Classification;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.junit.jupiter.api.Test;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

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

    @Test
    void springsExceptionsThatNoHttpExchangeAboveProducesAreRecognisedToo() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Retry-After", "7");
        Charset utf8 = StandardCharsets.UTF_8;

        assertThat(classify(new NonTransientAiException("408 - timed out"))).isEqualTo(Classification.transientError());
        assertThat(classify(new TransientAiException("429 - slow down"))).isEqualTo(Classification.rateLimited());
        assertThat(classify(new NonTransientAiException("429 - {\"error\":{\"message\":\"Rate limit reached. "
                + "Please try again in 1.5s.\"}}"))).isEqualTo(Classification.rateLimited(Duration.ofMillis(1500)));
        assertThat(classify(new NonTransientAiException("no status in this message"))).isEqualTo(Classification.permanent());
        assertThat(classify(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", headers,
                new byte[0], utf8))).isEqualTo(Classification.rateLimited(Duration.ofSeconds(7)));
        assertThat(classify(WebClientResponseException.create(429, "Too Many Requests", headers, new byte[0], utf8)))
                .isEqualTo(Classification.rateLimited(Duration.ofSeconds(7)));
        assertThat(classify(WebClientResponseException.create(503, "Unavailable", new HttpHeaders(), new byte[0], utf8)))
                .isEqualTo(Classification.transientError());
        assertThat(classify(new ResourceAccessException("I/O error", new IOException("reset"))))
                .isEqualTo(Classification.transientError());
    }

    private static Classification classify(Throwable failure) {
        return ClassifierChain.builtIns().classify(failure);
    }
}
