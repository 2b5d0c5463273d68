package io.cointrader.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The advisor's prompt: a short fixed system prompt (every token is paid on every call) and the tick's
 * context as compact JSON.
 */
public final class AdvicePrompt {

    /**
     * Output cap. The answer itself needs about 250 tokens; reasoning models count their hidden
     * reasoning against the same cap, so leave them room or every reply is cut off.
     */
    public static final int MAX_OUTPUT_TOKENS = 1500;

    static final String SYSTEM =
            """
            You advise a human who watches an automated crypto trading bot on Upbit (KRW pairs). \
            Your answer is only logged for that human; it never places, changes or blocks an order.
            Reply with ONLY a JSON object, no other text:
            {"action":"HOLD|BUY_CONSIDER|SELL_CONSIDER","confidence":<number 0..1>,\
            "reasoning":"<at most 500 characters>","risk_notes":"<at most 300 characters>"}
            Judge only from the context given. When unsure, answer HOLD with a low confidence.""";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private AdvicePrompt() {}

    /**
     * @param context names to JSON-able values (strings, numbers, lists, maps, records)
     * @throws IllegalArgumentException when a context value cannot be written as JSON
     */
    public static LlmRequest forContext(String symbol, Map<String, Object> context) {
        return new LlmRequest(SYSTEM, userMessage(symbol, context), MAX_OUTPUT_TOKENS);
    }

    static String userMessage(String symbol, Map<String, Object> context) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("symbol", symbol);
        context.forEach((name, value) -> {
            if (!name.equals("symbol")) {
                all.put(name, value);
            }
        });
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the advisor context cannot be written as JSON", e);
        }
    }
}
