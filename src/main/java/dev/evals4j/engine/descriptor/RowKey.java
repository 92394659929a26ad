package dev.evals4j.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;

/**
 * Identifies one row, or one repetition of it, inside a {@code @ForEach} method: the unique id
 * segments {@code [row:<rowId>]} and, when a method repeats its rows, {@code [rep:<n>]}.
 *
 * @param rowId the row's stable id
 * @param repetition the 1-based repetition, or {@code 0} for every repetition of the row
 */
@API(status = INTERNAL, since = "0.1")
public record RowKey(String rowId, int repetition) {

    /** The unique id segment type of a row. */
    public static final String ROW_SEGMENT = "row";
    /** The unique id segment type of a repetition, present only when a method repeats its rows. */
    public static final String REPETITION_SEGMENT = "rep";

    /** Validates. */
    public RowKey {
        Objects.requireNonNull(rowId, "rowId");
        if (repetition < 0) {
            throw new IllegalArgumentException("repetition must be 0 (any) or positive, was " + repetition);
        }
    }

    /** Whether this key selects repetition {@code rep} of row {@code id}. */
    public boolean matches(String id, int rep) {
        return rowId.equals(id) && (repetition == 0 || repetition == rep);
    }

    /** The unique id of the row (and repetition) under the method {@code methodId}. */
    public UniqueId appendTo(UniqueId methodId) {
        UniqueId row = methodId.append(ROW_SEGMENT, rowId);
        return repetition == 0 ? row : row.append(REPETITION_SEGMENT, Integer.toString(repetition));
    }

    /**
     * The key of a row's own unique id, as {@link #appendTo} made it.
     *
     * @throws IllegalArgumentException when {@code rowUniqueId} does not end with a row (and repetition)
     */
    public static RowKey ofRow(UniqueId rowUniqueId) {
        var segments = rowUniqueId.getSegments();
        boolean repeated = segments.get(segments.size() - 1).getType().equals(REPETITION_SEGMENT);
        int methodSegmentIndex = segments.size() - (repeated ? 3 : 2);
        return fromSegments(rowUniqueId, methodSegmentIndex)
                .orElseThrow(() -> new IllegalArgumentException("Not the unique id of a row: " + rowUniqueId));
    }

    /**
     * The row key in the trailing segments of {@code uniqueId} after the method segment at
     * {@code methodSegmentIndex}, or empty when they are not a row (and repetition).
     */
    public static Optional<RowKey> fromSegments(UniqueId uniqueId, int methodSegmentIndex) {
        var segments = uniqueId.getSegments();
        int rowIndex = methodSegmentIndex + 1;
        if (segments.size() <= rowIndex || !segments.get(rowIndex).getType().equals(ROW_SEGMENT)) {
            return Optional.empty();
        }
        String rowId = segments.get(rowIndex).getValue();
        if (segments.size() == rowIndex + 1) {
            return Optional.of(new RowKey(rowId, 0));
        }
        var rep = segments.get(rowIndex + 1);
        if (segments.size() != rowIndex + 2 || !rep.getType().equals(REPETITION_SEGMENT)) {
            return Optional.empty();
        }
        try {
            int repetition = Integer.parseInt(rep.getValue());
            return repetition > 0 ? Optional.of(new RowKey(rowId, repetition)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
