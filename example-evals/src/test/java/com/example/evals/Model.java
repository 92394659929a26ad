package com.example.evals;

import dev.evals4j.sim.SimClient;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The model under evaluation. When {@code EVALS4J_MODEL_URL} is set it talks to that
 * OpenAI-compatible endpoint; otherwise it starts evals4j's local simulated provider, which behaves
 * like a real one: 50 ms median latency, a rate limit of 60 requests/s answered with 429 and
 * Retry-After, and 3% transient server errors. Closed by the engine after the eval class.
 */
public final class Model implements AutoCloseable {

    /** What the simulated model knows (it answers with 90% accuracy). */
    private static final Map<String, String> CAPITALS = Map.ofEntries(
            Map.entry("What is the capital of France?", "Paris"),
            Map.entry("What is the capital of Japan?", "Tokyo"),
            Map.entry("What is the capital of Italy?", "Rome"),
            Map.entry("What is the capital of Spain?", "Madrid"),
            Map.entry("What is the capital of Germany?", "Berlin"),
            Map.entry("What is the capital of Canada?", "Ottawa"),
            Map.entry("What is the capital of Australia?", "Canberra"),
            Map.entry("What is the capital of Brazil?", "Brasilia"),
            Map.entry("What is the capital of Egypt?", "Cairo"),
            Map.entry("What is the capital of Kenya?", "Nairobi"),
            Map.entry("What is the capital of Peru?", "Lima"),
            Map.entry("What is the capital of Norway?", "Oslo"),
            Map.entry("What is the capital of Poland?", "Warsaw"),
            Map.entry("What is the capital of Chile?", "Santiago"),
            Map.entry("What is the capital of Greece?", "Athens"),
            Map.entry("What is the capital of Portugal?", "Lisbon"),
            Map.entry("What is the capital of Ireland?", "Dublin"),
            Map.entry("What is the capital of Austria?", "Vienna"),
            Map.entry("What is the capital of Sweden?", "Stockholm"),
            Map.entry("What is the capital of Finland?", "Helsinki"),
            Map.entry("What is the capital of Hungary?", "Budapest"),
            Map.entry("What is the capital of Cuba?", "Havana"),
            Map.entry("What is the capital of Nepal?", "Kathmandu"),
            Map.entry("What is the capital of Ghana?", "Accra"),
            Map.entry("What is the capital of Vietnam?", "Hanoi"),
            Map.entry("What is the capital of Thailand?", "Bangkok"),
            Map.entry("What is the capital of Turkey?", "Ankara"),
            Map.entry("What is the capital of Argentina?", "Buenos Aires"),
            Map.entry("What is the capital of Mexico?", "Mexico City"),
            Map.entry("What is the capital of India?", "New Delhi"));

    private final SimulatedProvider simulator;
    private final SimClient client;

    private Model(SimulatedProvider simulator, SimClient client) {
        this.simulator = simulator;
        this.client = client;
    }

    /** The configured endpoint, or a fresh local simulator. */
    public static Model fromEnvironmentOrSimulator() {
        if (System.getenv("EVALS4J_MODEL_URL") != null) {
            return new Model(null, SimClient.fromEnvironment());
        }
        SimulatedProvider simulator = SimulatedProvider.start(SimulatorConfig.builder()
                .latency(Duration.ofMillis(50), 0.4)
                .rateLimit(60, 10)
                .errorRate(0.03)
                .oracle(CAPITALS)
                .accuracy(0.9)
                .seed(42)
                .build());
        return new Model(simulator, SimClient.builder().baseUrl(simulator.baseUrl()).build());
    }

    /** Asks the model, blocking. */
    public String complete(String prompt) throws IOException, InterruptedException {
        return client.complete(prompt);
    }

    /** Asks the model without blocking. */
    public java.util.concurrent.CompletableFuture<String> completeAsync(String prompt) {
        return client.completeAsync(prompt);
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
