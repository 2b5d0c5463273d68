package io.cointrader.llm;

import java.util.Objects;

/** A system prompt, one user message, and the most output tokens wanted. */
public record LlmRequest(String system, String user, int maxOutputTokens) {

    public LlmRequest {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive");
        }
    }
}
