package dev.evals4j.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A JSON Lines dataset ({@code .jsonl}, {@code .ndjson}): one JSON object per line, read one line
 * at a time. Blank lines are skipped; a line that is not a JSON object is a {@link MalformedEntry}
 * and the next line is read as usual. Immutable and thread-safe.
 */
final class JsonLinesSource implements DatasetSource {

    private final DatasetResource resource;

    JsonLinesSource(DatasetResource resource) {
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    @Override
    public Stream<DatasetEntry> open() {
        BufferedReader reader = resource.openReader();
        return EntryStreams.of(new Lines(resource, reader), reader, resource.name());
    }

    @Override
    public String description() {
        return "JSON Lines " + resource.name() + " " + resource.origin();
    }

    @Override
    public Optional<String> fingerprint() {
        return resource.fingerprint();
    }

    @Override
    public Optional<DatasetFile> file() {
        return Optional.of(resource.file());
    }

    /** Reads entries line by line. Not thread-safe. */
    private static final class Lines extends EntryIterator {

        private final BufferedReader reader;
        private long lineNumber;
        private long index;

        Lines(DatasetResource resource, BufferedReader reader) {
            super(resource);
            this.reader = reader;
        }

        @Override
        protected DatasetEntry readNext() throws IOException {
            String line;
            do {
                line = reader.readLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
            } while (line.isBlank());
            return parse(line, index++, locationOf(lineNumber));
        }

        private static DatasetEntry parse(String line, long index, String location) {
            JsonNode node;
            try {
                node = JsonSupport.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                return new MalformedEntry(index, location, JsonSupport.invalidJson(e));
            }
            if (!node.isObject()) {
                return new MalformedEntry(index, location, "expected a JSON object, found "
                        + kindOf(node.getNodeType()) + "; each line of a JSON Lines file holds one object");
            }
            Map<String, Object> columns = JsonSupport.MAPPER.convertValue(node, JsonSupport.COLUMNS);
            return RowIds.row(index, columns, location);
        }

        private static String kindOf(JsonNodeType type) {
            return switch (type) {
                case ARRAY -> "an array";
                case NULL -> "null";
                default -> "a " + type.name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
