package dev.evals4j.dataset;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Reads a dataset so that no two rows share an id: results are stored, resumed and selected by row id,
 * so a second row with an id is a {@link MalformedEntry} whose message names both rows' locations
 * ({@code file:line}, or the element indexes of a method's rows). It is never run nor stored, and the
 * first row with the id keeps its result. Repetitions of a row are one entry, so they are never
 * duplicates.
 *
 * <p>Streams at flat memory: every id is remembered as a 64-bit fingerprint only ({@link
 * IdFingerprints}: 16 to 32 bytes per row). When a fingerprint comes again, the dataset is read once
 * more, up to the current row, to find the first row with that id: if there is one, the current row
 * is a duplicate; if not, two ids merely share a fingerprint and the row is kept. Either way the id and
 * its first location are remembered (a map that holds only such ids), so each repeated id costs one
 * extra read. For a method's rows that extra read calls the method again.
 *
 * <p>Stateless; each stream it opens has its own state and belongs to the one thread reading it.
 */
@API(status = INTERNAL, since = "0.1")
public final class UniqueRowIds {

    private UniqueRowIds() {}

    /**
     * Opens a pass over {@code source} in which every row after the first with the same id is a
     * {@link MalformedEntry}. Close the stream (try-with-resources): that closes the source's.
     *
     * @throws DatasetException if the dataset cannot be opened
     */
    public static Stream<DatasetEntry> open(DatasetSource source) {
        return open(source, IdFingerprints::of);
    }

    /** {@link #open(DatasetSource)} with a given fingerprint function (tests make ids collide). */
    static Stream<DatasetEntry> open(DatasetSource source, ToLongFunction<String> fingerprint) {
        Check check = new Check(source, fingerprint);
        return source.open().map(check::apply);
    }

    /** The state of one pass. Not thread-safe. */
    private static final class Check {

        private final DatasetSource source;
        private final ToLongFunction<String> fingerprint;
        private final IdFingerprints seen = new IdFingerprints();
        /** Where the first row of each id whose fingerprint came again is. */
        private final Map<String, String> firstLocations = new HashMap<>();

        Check(DatasetSource source, ToLongFunction<String> fingerprint) {
            this.source = Objects.requireNonNull(source, "source");
            this.fingerprint = fingerprint;
        }

        DatasetEntry apply(DatasetEntry entry) {
            if (!(entry instanceof Row row) || seen.add(fingerprint.applyAsLong(row.id()))) {
                return entry;
            }
            String first = firstLocations.get(row.id());
            if (first == null) {
                Optional<Row> earlier = firstRowWithId(row.id(), row.index());
                if (earlier.isEmpty()) {
                    firstLocations.put(row.id(), row.location()); // another id has the same fingerprint
                    return row;
                }
                first = earlier.get().location();
                firstLocations.put(row.id(), first);
            }
            return new MalformedEntry(row.index(), row.location(), "the row id '" + row.id()
                    + "' is already the id of the row at " + first + "; results are stored and resumed by row id,"
                    + " so this row does not run: give every row its own id");
        }

        private Optional<Row> firstRowWithId(String id, long before) {
            try (Stream<DatasetEntry> entries = source.open()) {
                return entries.takeWhile(e -> e.index() < before)
                        .filter(e -> e instanceof Row r && r.id().equals(id))
                        .map(Row.class::cast)
                        .findFirst();
            }
        }
    }
}
