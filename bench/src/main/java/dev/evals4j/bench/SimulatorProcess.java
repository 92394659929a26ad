package dev.evals4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.Stats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated provider in a JVM of its own: {@code dev.evals4j.sim.SimulatedProvider} started with the
 * benchmark's class path and a scenario's flags on an ephemeral port, so that the client under test and
 * the server share no heap, JIT or GC. Its {@link Stats} are read over HTTP
 * ({@value SimulatedProvider#STATS_PATH}); {@link #close()} stops the process.
 *
 * <p>Not thread-safe: one benchmark thread starts, reads and closes it.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
    private static final String MAX_HEAP = "-Xmx512m";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final String baseUrl;
    private final URI statsUri;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private SimulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.statsUri = URI.create(baseUrl).resolve(SimulatedProvider.STATS_PATH);
    }

    /**
     * Starts a simulator with {@code arguments} (see {@link Scenario#simulatorArguments()}) and waits until it
     * prints the address it listens on.
     *
     * @throws UncheckedIOException if the process cannot start or exits before it listens, with its exit status
     */
    public static SimulatorProcess start(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), MAX_HEAP,
                "-cp", System.getProperty("java.class.path"), SimulatedProvider.class.getName()));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator: " + String.join(" ", arguments), e);
        }
        try {
            return new SimulatorProcess(process, awaitAddress(process, arguments));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static String awaitAddress(Process process, List<String> arguments) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            throw new UncheckedIOException(new IOException("the simulator exited with status "
                    + process.waitFor() + " before listening; flags: " + String.join(" ", arguments)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's output; flags: " + String.join(" ", arguments), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the simulator started", e);
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

    /** Stops the simulator: a polite termination, then a forced one after 5 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
