package dev.evals4j.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.LinkedHashMap;

/** The Jackson configuration the JSON loaders share, and their wording of parse problems. */
final class JsonSupport {

    /** Thread-safe once configured, as Jackson documents. */
    static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Objects become ordered maps, so columns keep the dataset's order. */
    static final JavaType COLUMNS =
            MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);

    /** Reads one object from a parser that stands on its start, leaving the rest of the input alone. */
    static final ObjectReader ELEMENT_READER =
            MAPPER.readerFor(COLUMNS).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonSupport() {}

    /** "invalid JSON at column 7: unexpected character 'x'; expected a JSON value". */
    static String invalidJson(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String column = location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
        return "invalid JSON" + column + ": " + ParseProblems.describe(e);
    }

    /** The 1-based line of an exception, or {@code fallback} when Jackson does not know it. */
    static long lineOf(JsonProcessingException e, long fallback) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? fallback : location.getLineNr();
    }

    /** "an array", "a string", ... for a token that starts a JSON value. */
    static String kindOf(JsonToken token) {
        if (token == null) {
            return "nothing (the file is empty)";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }
}
