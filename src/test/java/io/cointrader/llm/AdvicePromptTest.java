package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvicePromptTest {

    @Test
    void asksForJsonOnlyWithTheFourFieldsAndSaysTheAdviceNeverTrades() {
        String system = AdvicePrompt.SYSTEM;

        assertThat(system).contains("JSON").contains("ONLY");
        assertThat(system).contains("HOLD").contains("BUY_CONSIDER").contains("SELL_CONSIDER");
        assertThat(system).contains("\"confidence\"").contains("\"reasoning\"").contains("\"risk_notes\"");
        assertThat(system).contains("500").contains("300").contains("never places");
        assertThat(system.length()).isLessThan(800);
    }

    @Test
    void rendersTheSymbolFirstAndTheContextAsCompactJson() throws Exception {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("price", "95000000");
        context.put("prev_close", null);
        context.put("signal", "BUY");
        context.put("indicators", Map.of("rsi", 28.5));
        context.put("equity", new BigDecimal("1E+6"));
        context.put("recent_closes", List.of("94000000", "95000000"));

        LlmRequest request = AdvicePrompt.forContext("KRW-BTC", context);

        assertThat(request.user()).doesNotContain("\n").doesNotContain(": ").startsWith("{\"symbol\":\"KRW-BTC\",");
        JsonNode json = ProviderHttp.JSON.readTree(request.user());
        assertThat(json.path("price").asText()).isEqualTo("95000000");
        assertThat(json.path("prev_close").isNull()).isTrue();
        assertThat(json.path("indicators").path("rsi").asDouble()).isEqualTo(28.5);
        assertThat(request.user()).contains("\"equity\":1000000");
        assertThat(json.path("recent_closes")).hasSize(2);
        assertThat(request.system()).isEqualTo(AdvicePrompt.SYSTEM);
        assertThat(request.maxOutputTokens()).isEqualTo(AdvicePrompt.MAX_OUTPUT_TOKENS);
    }

    @Test
    void refusesAContextThatIsNotJson() {
        Map<String, Object> context = Map.of("thread", new Object() {
            public Object getSelf() {
                return this;
            }
        });

        assertThatThrownBy(() -> AdvicePrompt.forContext("KRW-BTC", context))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
