package dev.evals4j.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A CSV dataset ({@code .csv}) whose first record is a header of column names. Values are strings.
 * Records are read one at a time; a record with a different number of fields than the header is a
 * {@link MalformedEntry} and the next record is read as usual; a syntax error (an unclosed quote)
 * ends the dataset with a {@link MalformedEntry}. Empty lines are skipped. Immutable and thread-safe.
 */
final class CsvSource implements DatasetSource {

    /** Thread-safe once configured. */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final DatasetResource resource;

    CsvSource(DatasetResource resource) {
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    @Override
    public Stream<DatasetEntry> open() {
        BufferedReader reader = resource.openReader();
        try {
            CsvParser parser = CSV.getFactory().createParser(reader);
            parser.setSchema(CsvSchema.emptySchema());
            List<String> header = readHeader(parser);
            return EntryStreams.of(new Records(resource, parser, header), parser, resource.name());
        } catch (IOException | RuntimeException e) {
            try {
                reader.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            if (e instanceof DatasetException datasetException) {
                throw datasetException;
            }
            String problem = e instanceof JsonProcessingException parseFailure
                    ? "invalid CSV: " + ParseProblems.describe(parseFailure)
                    : e.getMessage();
            throw new DatasetException("Cannot read the header of CSV dataset " + resource.name() + " ("
                    + resource.origin() + "): " + problem, e);
        }
    }

    private List<String> readHeader(CsvParser parser) throws IOException {
        JsonToken wholeFile = parser.nextToken();
        CsvRecord first = wholeFile == JsonToken.START_ARRAY ? readRecord(parser) : null;
        if (first == null) {
            throw new DatasetException("CSV dataset " + resource.name() + " (" + resource.origin()
                    + ") is empty. Its first line must be a header of column names, such as"
                    + " 'id,question,answer'.");
        }
        Set<String> seen = new HashSet<>();
        List<String> header = first.fields();
        List<String> names = new ArrayList<>();
        for (String raw : header) {
            String name = raw.strip();
            if (name.isEmpty() || !seen.add(name)) {
                throw new DatasetException("CSV dataset " + resource.name() + " (" + resource.origin()
                        + ") has " + (name.isEmpty() ? "an empty" : "a duplicate '" + name + "'")
                        + " column name in its header " + header + ". Give every column a unique name.");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** One CSV record: the 1-based line it starts on, and its fields. */
    private record CsvRecord(long line, List<String> fields) {}

    /**
     * The next record, or {@code null} at the end. The parser wraps the whole file in an array and
     * each record in an inner array; a record's line is that of its first field.
     */
    private static CsvRecord readRecord(CsvParser parser) throws IOException {
        JsonToken start = parser.nextToken();
        if (start != JsonToken.START_ARRAY) {
            return null;
        }
        long line = -1;
        List<String> fields = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new IOException("unexpected end of the CSV data inside a record");
            }
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            fields.add(parser.getText());
        }
        return new CsvRecord(line < 0 ? parser.currentLocation().getLineNr() : line, fields);
    }

    @Override
    public String description() {
        return "CSV " + resource.name() + " " + resource.origin();
    }

    @Override
    public Optional<String> fingerprint() {
        return resource.fingerprint();
    }

    @Override
    public Optional<DatasetFile> file() {
        return Optional.of(resource.file());
    }

    /** Reads records one at a time. Not thread-safe. */
    private static final class Records extends EntryIterator {

        private final CsvParser parser;
        private final List<String> header;
        private long index;
        private boolean done;

        Records(DatasetResource resource, CsvParser parser, List<String> header) {
            super(resource);
            this.parser = parser;
            this.header = header;
        }

        @Override
        protected DatasetEntry readNext() throws IOException {
            if (done) {
                return null;
            }
            CsvRecord record;
            try {
                record = readRecord(parser);
            } catch (JsonProcessingException e) {
                done = true;
                long line = JsonSupport.lineOf(e, parser.currentLocation().getLineNr());
                return new MalformedEntry(index++, locationOf(line),
                        "invalid CSV: " + ParseProblems.describe(e) + "; the rest of the file is not read");
            }
            if (record == null) {
                done = true;
                return null;
            }
            return toEntry(record.fields(), index++, locationOf(record.line()));
        }

        private DatasetEntry toEntry(List<String> fields, long position, String location) {
            if (fields.size() != header.size()) {
                return new MalformedEntry(position, location, "expected " + header.size() + " fields "
                        + header + " but found " + fields.size() + "; quote values that contain commas");
            }
            Map<String, Object> columns = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                columns.put(header.get(i), fields.get(i));
            }
            return RowIds.row(position, columns, location);
        }
    }
}
