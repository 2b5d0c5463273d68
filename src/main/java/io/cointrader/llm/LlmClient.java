package io.cointrader.llm;

/**
 * One completion from a language model: OpenAI, Anthropic, or the Codex backend of a ChatGPT account.
 * Implementations bound the call with their timeout, retry only what the provider says is transient,
 * and never put a key or token into an exception message.
 *
 * @throws LlmException for every failure (never another runtime exception from the network or JSON)
 */
public interface LlmClient {

    LlmReply complete(LlmRequest request);

    /** For the self-test and logs: e.g. "openai gpt-4o-mini". Never holds a secret. */
    String describe();
}
