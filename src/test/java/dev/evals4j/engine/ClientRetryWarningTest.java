package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.fixtures.ClientRetryEvals;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Fixture} that is a real LLM client retrying failed calls on its own gets one warning naming
 * the setting that turns its retries off; the same client with its retries off gets none.
 */
class ClientRetryWarningTest {

    private final LogRecorder log = new LogRecorder(Level.WARNING);
    private SimulatedProvider provider;

    @BeforeEach
    void listenAndStartProvider() {
        log.start();
        provider = SimulatedProvider.start(SimulatorConfig.builder().build());
        ClientRetryEvals.baseUrl = provider.baseUrl();
    }

    @AfterEach
    void stop() {
        log.stop();
        provider.close();
    }

    @Test
    void aLangChain4jModelWithItsDefaultRetriesIsNamedWithTheSettingToChange() {
        run(ClientRetryEvals.LangChain4jDefaults.class);

        assertThat(messages()).singleElement().asString()
                .contains("LangChain4jDefaults.model()", "OpenAiChatModel", "maxRetries = 2",
                        "OpenAiChatModel.builder().maxRetries(0)", "429");
    }

    @Test
    void theOpenAiJavaClientWithItsDefaultRetriesIsNamedWithTheSettingToChange() {
        run(ClientRetryEvals.OpenAiJavaDefaults.class);

        assertThat(messages()).singleElement().asString()
                .contains("OpenAiJavaDefaults.client()", "maxRetries = 2", "OpenAIOkHttpClient.builder().maxRetries(0)");
    }

    @Test
    void aSpringAiModelWithTheDefaultRetryTemplateIsNamedWithTheSettingToChange() {
        run(ClientRetryEvals.SpringAiDefaults.class);

        assertThat(messages()).singleElement().asString()
                .contains("SpringAiDefaults.model()", "OpenAiChatModel", "10 attempts",
                        "RetryTemplate.builder().maxAttempts(1)", "spring.ai.retry.max-attempts=1");
    }

    @Test
    void aSpringRetryTemplateFixtureWithMoreThanOneAttemptIsNamed() {
        run(ClientRetryEvals.SpringRetryTemplate.class);

        assertThat(messages()).singleElement().asString()
                .contains("SpringRetryTemplate.retries()", "3 attempts", "spring.ai.retry.max-attempts=1");
    }

    @Test
    void clientsWithTheirRetriesOffAreNotWarnedAbout() {
        run(ClientRetryEvals.LangChain4jNoRetries.class);
        run(ClientRetryEvals.OpenAiJavaNoRetries.class);
        run(ClientRetryEvals.SpringAiNoRetries.class);

        assertThat(messages()).isEmpty();
    }

    private void run(Class<?> suite) {
        EngineTestKitSupport.run(Map.of("evals4j.limit", "1"), selectClass(suite))
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    private List<String> messages() {
        return log.lines();
    }
}
