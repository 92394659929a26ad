package dev.evals4j.sim;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.evals4j.concurrency.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * A local, OpenAI-compatible chat endpoint that behaves like a provider under load: see
 * {@link SimulatorConfig} for what it simulates. It listens on {@code 127.0.0.1} and serves
 * {@code POST /v1/chat/completions}; point any OpenAI client at {@link #baseUrl()}.
 *
 * <pre>{@code
 * try (SimulatedProvider provider = SimulatedProvider.start(SimulatorConfig.builder()
 *         .latency(Duration.ofMillis(50), 0.3)
 *         .rateLimit(20, 5)
 *         .build())) {
 *     SimClient client = SimClient.builder().baseUrl(provider.baseUrl()).build();
 *     String reply = client.complete("What is 2 + 3?"); // "5"
 *     assert provider.stats().completed() == 1;
 * }
 * }</pre>
 *
 * <p>Many concurrent requests are served without any of them waiting for a thread: latencies and hangs
 * are timers, not sleeping threads (the {@link SimulatorConfig.Personality#TYPICAL_PROVIDER} instead
 * holds a platform thread per request, as a thread-per-connection server does). {@code GET }
 * {@value #STATS_PATH} answers the {@link Stats} as JSON, so a provider in another process can be read. {@link #close()} stops at once: pending answers are dropped and
 * their connections closed. Thread-safe.
 *
 * <p>Loading this class sets the system property {@code sun.net.httpserver.nodelay} to {@code true}
 * unless it is already set: without {@code TCP_NODELAY} the JDK server adds about 40 ms to every answer.
 * The JDK reads the property once, when the first {@code HttpServer} of the JVM is created.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SimulatedProvider implements AutoCloseable {

    /** The path that answers {@code GET} with the {@link Stats} as JSON. */
    public static final String STATS_PATH = "/sim/stats";

    private static final System.Logger LOG = System.getLogger(SimulatedProvider.class.getName());
    private static final int BACKLOG = 1024;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes an answer's headers and body in two writes; with Nagle's algorithm and the
        // client's delayed ACK, the body then waits about 40 ms, which would dwarf a simulated latency.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final StatsRecorder stats;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final URI uri;

    private SimulatedProvider(SimulatorConfig config, Ticker ticker) {
        this.config = config;
        this.stats = new StatsRecorder(ticker);
        this.workers = config.personality() == SimulatorConfig.Personality.TYPICAL_PROVIDER
                ? WorkerThreads.newConnectionThreads() : WorkerThreads.newRequestExecutor();
        this.timer = WorkerThreads.newTimer();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            this.server = HttpServer.create(new InetSocketAddress(loopback, config.port()), BACKLOG);
        } catch (IOException e) {
            workers.shutdownNow();
            timer.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + loopback.getHostAddress() + ":" + config.port()
                    + " (is the port in use? use port 0 for an ephemeral one)", e);
        }
        TokenBucket bucket = new TokenBucket(config.rateLimit(), ticker);
        TokenLimiter tokens = new TokenLimiter(config.tokenLimit(), ticker);
        ObjectMapper mapper = new ObjectMapper();
        server.createContext("/", new ChatHandler(config, bucket, tokens, stats, timer, workers, mapper));
        server.createContext(STATS_PATH, new StatsHandler(stats, mapper));
        server.setExecutor(workers);
        server.start();
        this.uri = URI.create("http://" + loopback.getHostAddress() + ":" + server.getAddress().getPort() + "/");
        LOG.log(Level.DEBUG, "simulated provider listening on {0} with {1}", uri, config);
    }

    /**
     * Starts a provider; its rate-limit schedule starts now, on the system clock.
     *
     * @throws UncheckedIOException if the configured port cannot be bound
     */
    public static SimulatedProvider start(SimulatorConfig config) {
        return start(config, Ticker.system());
    }

    /**
     * Starts a provider whose rate limit reads time from {@code ticker}, so a test can drive the token
     * bucket and its schedule by hand. Latencies and hangs still use real time.
     *
     * @throws UncheckedIOException if the configured port cannot be bound
     */
    public static SimulatedProvider start(SimulatorConfig config, Ticker ticker) {
        return new SimulatedProvider(Objects.requireNonNull(config, "config"), Objects.requireNonNull(ticker, "ticker"));
    }

    /** The server's root, for example {@code http://127.0.0.1:54321/}. */
    public URI uri() {
        return uri;
    }

    /** The OpenAI-style base URL (ending in {@code /v1}) to give an OpenAI client. */
    public String baseUrl() {
        return uri.resolve("v1").toString();
    }

    /** The port the provider listens on. */
    public int port() {
        return uri.getPort();
    }

    /** The configuration this provider runs with. */
    public SimulatorConfig config() {
        return config;
    }

    /** A snapshot of the counters (see {@link Stats}). */
    public Stats stats() {
        return stats.snapshot();
    }

    /**
     * Stops the provider at once and frees its port: pending answers and hangs are dropped and their
     * connections closed. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timer.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
        LOG.log(Level.DEBUG, "simulated provider on {0} stopped", uri);
    }

    @Override
    public String toString() {
        return "SimulatedProvider[" + uri + "]";
    }

    /**
     * Runs a provider from the command line until the process is killed; see {@link SimulatorCli} for the
     * flags. Prints the base URL on standard output; bad flags print the usage and exit with status 2.
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(SimulatorCli.run(args, System.out, System.err));
    }
}
