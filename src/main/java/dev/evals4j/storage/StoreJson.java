package dev.evals4j.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The one Jackson mapper of the storage package, and the JSON forms it stores. Thread-safe. */
final class StoreJson {

    static final ObjectMapper MAPPER =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private static final String EMPTY_LIST = "[]";

    private StoreJson() {}

    /**
     * {@code value} as JSON. An empty list, the history and the scores of most runs, is written without
     * the serializer.
     */
    static String write(Object value) {
        if (value instanceof List<?> list && list.isEmpty()) {
            return EMPTY_LIST;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + value, e);
        }
    }

    static <T> T read(String json, TypeReference<T> type, String what) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("Stored " + what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String writeConfig(Map<String, String> config) {
        return write(new TreeMap<>(config));
    }

    static Map<String, String> readConfig(String json) {
        return read(json, new TypeReference<Map<String, String>>() {}, "experiment config");
    }
}
