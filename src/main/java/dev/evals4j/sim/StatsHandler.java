package dev.evals4j.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Serves {@code GET} {@value SimulatedProvider#STATS_PATH}: a snapshot of the provider's {@link Stats} as
 * JSON, which reads back into a {@code Stats} with Jackson. Reading the stats is not counted as a request.
 * Thread-safe: it only reads the recorder.
 */
final class StatsHandler implements HttpHandler {

    private final StatsRecorder stats;
    private final ObjectMapper mapper;

    StatsHandler(StatsRecorder stats, ObjectMapper mapper) {
        this.stats = stats;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = mapper.writeValueAsBytes(stats.snapshot());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
