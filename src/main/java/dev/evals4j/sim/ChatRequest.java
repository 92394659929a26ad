package dev.evals4j.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The part of an OpenAI chat-completion request the simulator uses. Every other field a client sends
 * ({@code temperature}, {@code max_tokens}, {@code tools}, {@code n}, {@code user}, {@code response_format},
 * {@code stream: false}...) is accepted and ignored; a streaming request is refused.
 *
 * @param model the requested model name, or {@value #DEFAULT_MODEL} when absent
 * @param prompt the text of the last {@code user} message (text parts joined by newlines)
 */
record ChatRequest(String model, String prompt) {

    /** The model name reported when a request names none. */
    static final String DEFAULT_MODEL = "evals4j-sim";

    /**
     * Reads a request body.
     *
     * @throws MalformedRequestException if the body is not JSON or has no user message with text
     */
    static ChatRequest parse(byte[] body, ObjectMapper mapper) throws MalformedRequestException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRequestException("the request body cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedRequestException("the request body must be a JSON object");
        }
        if (root.path("stream").asBoolean(false)) {
            throw new MalformedRequestException("'stream': true is not supported by the simulator; send 'stream': false"
                    + " or leave it out");
        }
        JsonNode messages = root.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new MalformedRequestException("'messages' must be a non-empty array");
        }
        JsonNode user = null;
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").asText())) {
                user = message;
            }
        }
        if (user == null) {
            throw new MalformedRequestException("'messages' has no message with role 'user'");
        }
        String model = root.path("model").asText(DEFAULT_MODEL);
        return new ChatRequest(model.isEmpty() ? DEFAULT_MODEL : model, text(user.path("content")));
    }

    private static String text(JsonNode content) throws MalformedRequestException {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    text.append(text.length() == 0 ? "" : "\n").append(part.path("text").asText());
                }
            }
            return text.toString();
        }
        throw new MalformedRequestException("the user message's 'content' must be a string or an array of parts");
    }

    /** A request body the simulator cannot read; answered {@code 400}. */
    static final class MalformedRequestException extends Exception {

        MalformedRequestException(String message) {
            super(message);
        }
    }
}
