package com.example.evals;

import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import java.time.Duration;

/**
 * Where an OpenAI-compatible client sends its calls. With {@code OPENAI_BASE_URL} set, that endpoint,
 * with {@code OPENAI_API_KEY} and {@code OPENAI_MODEL} (default {@code gpt-4o-mini}); otherwise a local
 * simulated provider that behaves like a rate-limited one: 20 requests/s, 429 with a {@code Retry-After}
 * of at least a second above it, 3% transient server errors and 90% correct answers. Closing it stops
 * the simulator, if one was started.
 *
 * @param baseUrl the base URL, ending in {@code /v1}
 * @param apiKey the API key to send
 * @param modelName the model to ask for
 * @param simulator the local provider, or {@code null} for a real endpoint
 */
public record Endpoint(String baseUrl, String apiKey, String modelName, SimulatedProvider simulator)
        implements AutoCloseable {

    /** The configured endpoint, or a fresh local simulator. */
    public static Endpoint fromEnvironmentOrSimulator() {
        String baseUrl = System.getenv("OPENAI_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            String model = System.getenv("OPENAI_MODEL");
            return new Endpoint(baseUrl, System.getenv("OPENAI_API_KEY"),
                    model == null || model.isBlank() ? "gpt-4o-mini" : model, null);
        }
        SimulatedProvider simulator = SimulatedProvider.start(SimulatorConfig.builder()
                .latency(Duration.ofMillis(50), 0.4)
                .rateLimit(20, 2)
                .minRetryAfter(Duration.ofSeconds(1))
                .errorRate(0.03)
                .accuracy(0.9)
                .seed(7)
                .build());
        return new Endpoint(simulator.baseUrl(), "simulated", "evals4j-sim", simulator);
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
