package dev.evals4j.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A path to a value inside JSON, such as {@code a.b[0].c} or {@code [2].name}: field names joined
 * by dots, array indexes in brackets. Immutable.
 *
 * @param text the path as written
 * @param segments field names ({@code String}) and array indexes ({@code Integer}), in order
 */
record JsonFieldPath(String text, List<Object> segments) {

    JsonFieldPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException if the path is empty or malformed, naming it
     */
    static JsonFieldPath parse(String text) {
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                segments.add(index(text, i + 1, close));
                i = close + 1;
            } else if (c == '.' && !segments.isEmpty()) {
                i = name(text, i + 1, segments);
            } else if (segments.isEmpty()) {
                i = name(text, i, segments);
            } else {
                throw invalid(text, "expected '.' or '[' at position " + i);
            }
        }
        if (segments.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        return new JsonFieldPath(text, segments);
    }

    /** Reads a field name from {@code from}, adds it, and returns the position after it. */
    private static int name(String text, int from, List<Object> segments) {
        int end = from;
        while (end < text.length() && ".[]".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end == from) {
            throw invalid(text, "a field name is missing at position " + from);
        }
        segments.add(text.substring(from, end));
        return end;
    }

    private static Integer index(String text, int from, int close) {
        if (close < 0) {
            throw invalid(text, "a '[' is not closed");
        }
        try {
            return Integer.valueOf(text.substring(from, close));
        } catch (NumberFormatException e) {
            throw invalid(text, "'" + text.substring(from, close) + "' is not an array index");
        }
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("Invalid JSON field path '" + text + "': " + reason
                + ". Write field names joined by dots and array indexes in brackets, as in 'a.b[0].c'.");
    }

    /**
     * Follows the path from {@code root}.
     *
     * @return the value found, or a description of where the path stops
     */
    Lookup find(JsonNode root) {
        JsonNode node = root;
        StringBuilder walked = new StringBuilder();
        for (Object segment : segments) {
            JsonNode next = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
            if (next == null) {
                return new Lookup(null, missing(segment, node, walked.length() == 0 ? "the root" : "'" + walked + "'"));
            }
            if (segment instanceof Integer) {
                walked.append('[').append(segment).append(']');
            } else {
                walked.append(walked.length() == 0 ? "" : ".").append(segment);
            }
            node = next;
        }
        return new Lookup(node, null);
    }

    private static String missing(Object segment, JsonNode node, String at) {
        if (segment instanceof Integer index) {
            return node.isArray()
                    ? "index " + index + " is out of bounds of the array at " + at + " (size " + node.size() + ")"
                    : at + " is " + kindOf(node) + ", not an array";
        }
        if (!node.isObject()) {
            return at + " is " + kindOf(node) + ", not an object with field '" + segment + "'";
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return "field '" + segment + "' is missing in the object at " + at + " (fields: " + names + ")";
    }

    private static String kindOf(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isNull() ? "null" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The outcome of following a path.
     *
     * @param value the value found, or {@code null} when the path stops early
     * @param missing why the path stops, or {@code null} when a value was found
     */
    record Lookup(JsonNode value, String missing) {}
}
