package dev.evals4j.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A JSON dataset ({@code .json}): a top-level array of objects, read one element at a time with
 * Jackson's streaming parser. An element that is not an object is a {@link MalformedEntry}; a
 * syntax error or a truncated file ends the dataset with a {@link MalformedEntry} at the place of
 * the problem, since nothing after it can be trusted. Immutable and thread-safe.
 */
final class JsonArraySource implements DatasetSource {

    private final DatasetResource resource;

    JsonArraySource(DatasetResource resource) {
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    @Override
    public Stream<DatasetEntry> open() {
        BufferedReader reader = resource.openReader();
        try {
            JsonParser parser = JsonSupport.MAPPER.createParser(reader);
            expectArray(parser);
            return EntryStreams.of(new Elements(resource, parser), parser, resource.name());
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(reader, e);
            if (e instanceof DatasetException datasetException) {
                throw datasetException;
            }
            String problem = e instanceof JsonProcessingException parseFailure
                    ? JsonSupport.invalidJson(parseFailure) + " on line " + JsonSupport.lineOf(parseFailure, 1)
                    : e.getMessage();
            throw new DatasetException("Cannot read dataset " + resource.name() + " (" + resource.origin()
                    + "): " + problem + ". It must hold a top-level JSON array of objects.", e);
        }
    }

    private void expectArray(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_ARRAY) {
            throw new DatasetException("Dataset " + resource.name() + " (" + resource.origin()
                    + ") must hold a top-level JSON array of objects, but it holds "
                    + JsonSupport.kindOf(first) + ". Wrap the objects in [ ... ], or use a .jsonl file"
                    + " with one object per line.");
        }
    }

    private static void closeAfterFailure(BufferedReader reader, Exception failure) {
        try {
            reader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String description() {
        return "JSON array " + resource.name() + " " + resource.origin();
    }

    @Override
    public Optional<String> fingerprint() {
        return resource.fingerprint();
    }

    @Override
    public Optional<DatasetFile> file() {
        return Optional.of(resource.file());
    }

    /** Reads array elements one at a time. Not thread-safe. */
    private static final class Elements extends EntryIterator {

        private static final String TRUNCATED = "the file ends before the array is closed; it may be truncated";

        private final JsonParser parser;
        private long index;
        private boolean done;

        Elements(DatasetResource resource, JsonParser parser) {
            super(resource);
            this.parser = parser;
        }

        @Override
        protected DatasetEntry readNext() throws IOException {
            if (done) {
                return null;
            }
            long line = parser.currentLocation().getLineNr();
            try {
                return readElement();
            } catch (JsonProcessingException e) {
                done = true;
                String problem = endsEarly(e)
                        ? TRUNCATED + " (" + JsonSupport.invalidJson(e) + ")"
                        : JsonSupport.invalidJson(e) + "; the rest of the file is not read";
                return new MalformedEntry(index++, locationOf(JsonSupport.lineOf(e, line)), problem);
            }
        }

        private DatasetEntry readElement() throws IOException {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                return afterArray();
            }
            long line = parser.currentTokenLocation().getLineNr();
            if (token == null) {
                done = true;
                return new MalformedEntry(index++, locationOf(line), TRUNCATED);
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                long position = index++;
                return new MalformedEntry(position, locationOf(line), "array element " + position
                        + " is " + JsonSupport.kindOf(token) + ", expected a JSON object");
            }
            Map<String, Object> columns = JsonSupport.ELEMENT_READER.readValue(parser);
            return RowIds.row(index++, columns, locationOf(line));
        }

        /** Whether the input stopped in the middle (Jackson says "end-of-input" between elements). */
        private static boolean endsEarly(JsonProcessingException e) {
            return e instanceof JsonEOFException
                    || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
        }

        private DatasetEntry afterArray() throws IOException {
            done = true;
            JsonToken trailing = parser.nextToken();
            if (trailing == null) {
                return null;
            }
            return new MalformedEntry(index++, locationOf(parser.currentTokenLocation().getLineNr()),
                    "unexpected content after the closing ']' of the array: " + JsonSupport.kindOf(trailing));
        }
    }
}
