package com.example.evals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A tiny in-memory vector index: the passages of a JSON Lines resource ({@code {"id": ..., "text": ...}}
 * per line), embedded once, searched by the cosine similarity of a query's embedding. Equal
 * similarities rank by passage id, so a ranking is the same on every run.
 *
 * <p>Immutable after construction and thread-safe if the embedding model is (LangChain4j's in-process
 * ONNX models are).
 */
final class PassageIndex {

    private final EmbeddingModel model;
    private final List<String> ids;
    private final List<float[]> vectors;

    private PassageIndex(EmbeddingModel model, List<String> ids, List<float[]> vectors) {
        this.model = model;
        this.ids = List.copyOf(ids);
        this.vectors = List.copyOf(vectors);
    }

    /** Reads the passages of {@code resource} and embeds them all with {@code model}. */
    static PassageIndex of(EmbeddingModel model, String resource) {
        List<String> ids = new ArrayList<>();
        List<TextSegment> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = PassageIndex.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No class path resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode passage = json.readTree(line);
                    ids.add(passage.get("id").asText());
                    texts.add(TextSegment.from(passage.get("text").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the passages of " + resource, e);
        }
        List<float[]> vectors = model.embedAll(texts).content().stream().map(e -> e.vector()).toList();
        return new PassageIndex(model, ids, vectors);
    }

    /** How many passages the index holds. */
    int size() {
        return ids.size();
    }

    /** The ids of the {@code limit} passages most similar to {@code query}, most similar first. */
    List<String> search(String query, int limit) {
        float[] q = model.embed(query).content().vector();
        double[] similarity = vectors.stream().mapToDouble(v -> cosine(q, v)).toArray();
        return IntStream.range(0, ids.size()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -similarity[i]).thenComparing(ids::get))
                .limit(limit)
                .map(ids::get)
                .toList();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
