package dev.evals4j.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code POST /v1/chat/completions}: reads the prompt, applies the request-rate limit and then
 * the token limit (an immediate {@code 429} with {@code Retry-After}; a request whose tokens exceed the
 * token burst is answered {@code 400}), draws a fault, and schedules the answer after the sampled
 * latency. A request the token limit rejects has spent its request permit, as every request counts
 * against a provider's requests per minute.
 *
 * <p>How the latency is waited out is the personality's {@link Delivery}: by default no thread waits
 * for a latency or a hang (the answer is scheduled on a timer, which hands it to the request executor
 * when due, and a hang only schedules the drop of its connection after the hang bound); the typical
 * provider sleeps on the request's own thread. Hanging requests do not count as in flight (a real provider would free them when the client
 * gives up, which the simulator cannot observe).
 *
 * <p>Thread-safe: its collaborators are (the scripted replies count their turns atomically), and it
 * keeps no other mutable state than an id counter.
 */
final class ChatHandler implements HttpHandler {

    /** The path this handler serves. */
    static final String PATH = "/v1/chat/completions";

    private static final System.Logger LOG = System.getLogger(ChatHandler.class.getName());

    private final ObjectMapper mapper;
    private final ChatBodies bodies;
    private final TokenBucket bucket;
    private final TokenLimiter tokens;
    private final LatencyModel latency;
    private final FaultInjector faults;
    private final AnswerModel answers;
    private final ScriptedReplies scripted;
    private final StatsRecorder stats;
    private final Delivery delivery;
    private final Duration maxHang;
    private final RateLimitHeaders rateLimitHeaders;
    private final String authorization;
    private final AtomicLong ids = new AtomicLong();

    ChatHandler(SimulatorConfig config, TokenBucket bucket, TokenLimiter tokens, StatsRecorder stats,
            ScheduledExecutorService timer, Executor workers, ObjectMapper mapper) {
        this.mapper = mapper;
        this.bodies = new ChatBodies(mapper);
        this.bucket = bucket;
        this.tokens = tokens;
        this.latency = new LatencyModel(config.latencyMedian(), config.latencySigma(), config.capacity(),
                new Random(config.seed()));
        this.faults = new FaultInjector(config.errorRate(), config.hangRate(),
                new Random(config.seed() ^ 0x5DEECE66DL));
        this.answers = new AnswerModel(config.oracle(), config.accuracy());
        this.scripted = new ScriptedReplies(config.scriptedReplies());
        this.stats = stats;
        this.delivery = Delivery.of(config.personality(), timer, workers);
        this.maxHang = config.maxHang();
        this.rateLimitHeaders = new RateLimitHeaders(config.rateLimitHeaders());
        this.authorization = config.apiKey() == null ? null : "Bearer " + config.apiKey();
    }

    @Override
    public void handle(HttpExchange exchange) {
        stats.received();
        try {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "simulated provider: request failed: {0}", e.toString());
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            reject(exchange, 404, "Unknown path " + exchange.getRequestURI().getPath() + "; the simulator serves "
                    + PATH, "invalid_request_error");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            reject(exchange, 405, "Method " + exchange.getRequestMethod() + " not allowed; use POST",
                    "invalid_request_error");
            return;
        }
        if (authorization != null && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            stats.badRequest();
            send(exchange, 401, bodies.error("Incorrect API key provided (simulated).", "invalid_request_error",
                    "invalid_api_key"));
            return;
        }
        ChatRequest request;
        try {
            request = ChatRequest.parse(exchange.getRequestBody().readAllBytes(), mapper);
        } catch (ChatRequest.MalformedRequestException e) {
            reject(exchange, 400, e.getMessage(), "invalid_request_error");
            return;
        }
        stats.asked(request.prompt());
        long waitNanos = bucket.tryAcquire();
        if (waitNanos > 0) {
            stats.rejected(request.prompt(), Duration.ofNanos(waitNanos));
            rateLimited(exchange, waitNanos, "requests");
            return;
        }
        String reply = scripted.reply(request.prompt()).orElseGet(() -> answers.answer(request.prompt()));
        long cost = TokenLimiter.cost(request.prompt(), reply);
        if (!tokens.canEverPay(cost)) {
            reject(exchange, 400, "Request too large: it needs " + cost + " tokens (prompt and completion), more than"
                    + " the token limit's burst of " + tokens.burst() + " (simulated)", "invalid_request_error");
            return;
        }
        long tokenWaitNanos = tokens.tryCharge(cost);
        if (tokenWaitNanos > 0) {
            stats.rejected(request.prompt(), Duration.ofNanos(tokenWaitNanos));
            rateLimited(exchange, tokenWaitNanos, "tokens");
            return;
        }
        Fault fault = faults.next();
        if (fault == Fault.HANG) {
            stats.hang();
            delivery.after(exchange, maxHang, exchange::close);
            return;
        }
        Duration delay = latency.sample(stats.enterFlight());
        delivery.after(exchange, delay, () -> answer(exchange, request, reply, fault));
    }

    private void answer(HttpExchange exchange, ChatRequest request, String reply, Fault fault) {
        try {
            if (fault.isError()) {
                stats.failed();
                send(exchange, fault.statusCode(), bodies.error(
                        "The server had an error while processing your request (simulated " + fault.statusCode()
                                + "). Please retry.", "server_error", null));
            } else {
                stats.completed(request.prompt());
                tokens.writeHeaders(exchange.getResponseHeaders()::set);
                send(exchange, 200, bodies.completion("chatcmpl-sim-" + ids.incrementAndGet(), request.model(),
                        request.prompt(), reply, Instant.now().getEpochSecond()));
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "simulated provider: client went away before its answer: {0}", e.toString());
            exchange.close();
        }
    }

    /** A {@code 429} of the limit on {@code what} ({@code requests} or {@code tokens}), as OpenAI words it. */
    private void rateLimited(HttpExchange exchange, long waitNanos, String what) throws IOException {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
        rateLimitHeaders.write(millis, Instant.now(), exchange.getResponseHeaders()::set);
        tokens.writeHeaders(exchange.getResponseHeaders()::set);
        send(exchange, 429, bodies.error("Rate limit reached for " + what + " (simulated). Please try again in "
                + RateLimitHeaders.seconds(millis) + "s.", what, "rate_limit_exceeded"));
    }

    private void reject(HttpExchange exchange, int status, String message, String type) throws IOException {
        stats.badRequest();
        send(exchange, status, bodies.error(message, type, null));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
