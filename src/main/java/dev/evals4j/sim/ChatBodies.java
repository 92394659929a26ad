package dev.evals4j.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON bodies of the simulator's answers in OpenAI's shapes. Stateless apart from the
 * thread-safe {@link ObjectMapper}; thread-safe.
 */
final class ChatBodies {

    private final ObjectMapper mapper;

    ChatBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A {@code chat.completion} object with one choice and rough token counts (four characters a token), with
     * every field OpenAI's clients read (LangChain4j, Spring AI, the OpenAI Java SDK): {@code id}, {@code object},
     * {@code created}, {@code model}, {@code choices[].index}, {@code choices[].message.{role,content,refusal}},
     * {@code choices[].logprobs}, {@code choices[].finish_reason}, {@code usage} and {@code system_fingerprint}.
     */
    byte[] completion(String id, String model, String prompt, String content, long createdEpochSeconds) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", id);
        root.put("object", "chat.completion");
        root.put("created", createdEpochSeconds);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        int promptTokens = roughTokens(prompt);
        int completionTokens = roughTokens(content);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        root.putNull("system_fingerprint");
        return write(root);
    }

    /** An OpenAI error object: {@code {"error": {"message", "type", "param", "code"}}}. */
    byte[] error(String message, String type, String code) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return write(root);
    }

    static int roughTokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    private byte[] write(ObjectNode root) {
        try {
            return mapper.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }
}
