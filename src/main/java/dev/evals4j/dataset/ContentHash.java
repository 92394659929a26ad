package dev.evals4j.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The content hash of a row: SHA-256 of its columns as JSON with keys sorted. Thread-safe.
 *
 * <p>Only columns that Jackson can write as JSON have one. There is no fallback to a value's
 * {@code toString()}: that often holds an identity hash, which differs in every JVM, so a stored
 * result would never match its row again and resume would silently run it every time.
 */
final class ContentHash {

    private static final ObjectWriter CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writer();

    /** Never used to digest: only cloned, so it is safe to share. */
    private static final MessageDigest SHA_256 = newSha256();

    private ContentHash() {}

    /**
     * The hash of {@code row}'s columns.
     *
     * @throws DatasetException when a column cannot be written as JSON; the message names the row,
     *     the column and its type
     */
    static String of(Row row) {
        byte[] json;
        try {
            json = CANONICAL.writeValueAsBytes(row.columns());
        } catch (JsonProcessingException e) {
            throw new DatasetException(row.location() + ": " + describe(row, e), e);
        }
        return HexFormat.of().formatHex(sha256().digest(json));
    }

    /** A new SHA-256 digest, cloned from {@link #SHA_256} when the provider allows, which skips the provider lookup. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * Why {@code row} has no content hash (a column that cannot be written as JSON), or empty when it has
     * one, which the row then keeps.
     */
    static Optional<String> problem(Row row) {
        try {
            row.contentHash();
            return Optional.empty();
        } catch (DatasetException e) {
            return Optional.of(describe(row, (JsonProcessingException) e.getCause()));
        }
    }

    private static String describe(Row row, JsonProcessingException e) {
        String column = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().get(0).getFieldName() : null;
        Object value = column == null ? null : row.get(column);
        String failingType = e instanceof InvalidDefinitionException definition && definition.getType() != null
                ? definition.getType().getRawClass().getName()
                : value != null ? value.getClass().getName() : null;
        StringBuilder message = new StringBuilder("the row '").append(row.id()).append("' cannot be hashed to be ")
                .append("stored and resumed: ");
        if (column == null) {
            message.append("a column");
        } else {
            message.append("its column '").append(column).append('\'');
            if (value != null && !value.getClass().getName().equals(failingType)) {
                message.append(" (a ").append(value.getClass().getName()).append(')');
            }
        }
        message.append(" holds ").append(failingType == null ? "a value" : "a " + failingType)
                .append(" that cannot be written as JSON");
        Throwable cause = e.getCause();
        if (cause != null && !(cause instanceof JsonProcessingException)) {
            message.append(" (").append(cause).append(')');
        }
        return message.append("; make it a record, or a class with public getters, that Jackson can serialise")
                .toString();
    }
}
