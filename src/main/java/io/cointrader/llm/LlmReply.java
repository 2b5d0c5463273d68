package io.cointrader.llm;

import java.util.Objects;

/**
 * The model's text with what the call cost. {@code truncated} is true when the provider cut the
 * output short (OpenAI {@code length}, Anthropic {@code max_tokens}, Codex {@code incomplete});
 * {@code requestId} may be null.
 */
public record LlmReply(String text, boolean truncated, long inputTokens, long outputTokens, String requestId) {

    public LlmReply {
        Objects.requireNonNull(text, "text");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
