package dev.evals4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.Stats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A simulated provider in another JVM ({@link SimulatorJvm}), started with a scenario's flags on an ephemeral
 * port, so that the client under test and the server share no heap, JIT or GC. Its {@link Stats} are read
 * over HTTP ({@value SimulatedProvider#STATS_PATH}); {@link #close()} stops the provider (and the JVM, when
 * it was started for this provider alone).
 *
 * <p>Not thread-safe: one benchmark thread starts, reads and closes it.
 */
public final class SimulatorProcess implements AutoCloseable {

    private final SimulatorJvm jvm;
    private final boolean ownsJvm;
    private final String baseUrl;
    private final URI statsUri;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    SimulatorProcess(SimulatorJvm jvm, String baseUrl) {
        this(jvm, false, baseUrl);
    }

    private SimulatorProcess(SimulatorJvm jvm, boolean ownsJvm, String baseUrl) {
        this.jvm = jvm;
        this.ownsJvm = ownsJvm;
        this.baseUrl = baseUrl;
        this.statsUri = URI.create(baseUrl).resolve(SimulatedProvider.STATS_PATH);
    }

    /**
     * Starts a simulator with {@code arguments} (see {@link Scenario#simulatorArguments()}) in a JVM of its
     * own, which {@link #close()} ends, and waits until it listens. The benchmark's runs share one JVM
     * instead ({@link SimulatorJvm#start(List)}).
     *
     * @throws UncheckedIOException if the process cannot start or the provider does not listen
     */
    public static SimulatorProcess start(List<String> arguments) {
        SimulatorJvm jvm = SimulatorJvm.launch();
        try {
            return new SimulatorProcess(jvm, true, jvm.start(arguments).baseUrl());
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    /** The OpenAI-style base URL, such as {@code http://127.0.0.1:54321/v1}. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The simulator's counters now.
     *
     * @throws UncheckedIOException if the simulator does not answer
     */
    public Stats stats() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(statsUri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + statsUri + " answered " + response.statusCode());
            }
            return mapper.readValue(response.body(), Stats.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's stats from " + statsUri, e);
        }
    }

    /** Stops the provider, and the JVM when it was started for this provider alone. */
    @Override
    public void close() {
        try {
            jvm.stopProvider();
        } finally {
            if (ownsJvm) {
                jvm.close();
            }
        }
    }
}
