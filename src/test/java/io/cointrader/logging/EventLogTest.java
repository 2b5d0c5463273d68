package io.cointrader.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Secret;
import io.cointrader.core.Side;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    @TempDir
    Path dir;

    private final EventLog events = new EventLog();

    @BeforeEach
    void configure() {
        LogSetup.configure(dir, "INFO", new Redactor());
    }

    @AfterEach
    void restoreLogging() {
        LogFiles.restoreBootstrapConfiguration();
    }

    public record Quote(String market, BigDecimal price, Instant at) {}

    @Test
    void writesBigDecimalsAsPlainNumbersKeepingScale() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tiny", new BigDecimal("1E-8"));
        fields.put("large", new BigDecimal("5E+7"));
        fields.put("scaled", new BigDecimal("1.2300"));
        fields.put("price", new BigDecimal("95000000.5"));
        fields.put("nested", Map.of("fee", new BigDecimal("0.50E-3")));
        fields.put("list", List.of(new BigDecimal("1E+2")));
        events.fill("order_filled", fields);
        LogSetup.shutdown();

        String line = Files.readString(dir.resolve("fills.jsonl"));
        assertThat(line)
                .contains("\"tiny\":0.00000001,")
                .contains("\"large\":50000000,")
                .contains("\"scaled\":1.2300,")
                .contains("\"price\":95000000.5,")
                .contains("\"fee\":0.00050}")
                .contains("\"list\":[100]")
                .doesNotContainPattern("\\d[eE][+-]?\\d");
        JsonNode node = LogFiles.JSON.readTree(line);
        assertThat(node.path("tiny").decimalValue()).isEqualByComparingTo("0.00000001");
        assertThat(node.path("large").decimalValue()).isEqualByComparingTo("50000000");
        assertThat(node.path("nested").path("fee").decimalValue()).isEqualByComparingTo("0.0005");
    }

    @Test
    void putsEventAndFieldsAtTopLevelInOrder() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("symbol", "KRW-BTC");
        fields.put("quantity", 3);
        fields.put("accepted", true);
        fields.put("reason", null);
        events.decision("risk_checked", fields);
        LogSetup.shutdown();

        String line = Files.readString(dir.resolve("decisions.jsonl"));
        assertThat(line)
                .contains("\"message\":\"risk_checked\"")
                .contains("\"event\":\"risk_checked\",\"symbol\":\"KRW-BTC\",\"quantity\":3,\"accepted\":true,"
                        + "\"reason\":null}");
    }

    @Test
    void writesTimeEnumsOptionalsRecordsAndSecretsAsPlainValues() throws Exception {
        Instant at = Instant.parse("2024-03-01T00:00:00Z");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("at", at);
        fields.put("side", Side.BUY);
        fields.put("limit", Optional.of(new BigDecimal("1E+3")));
        fields.put("missing", Optional.empty());
        fields.put("quote", new Quote("KRW-ETH", new BigDecimal("42E+5"), at));
        fields.put("key", Secret.of("not-to-be-printed"));
        events.order("order_submitted", fields);
        LogSetup.shutdown();

        JsonNode node = LogFiles.jsonLines(dir.resolve("orders.jsonl")).get(0);
        assertThat(node.path("at").asText()).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(node.path("side").asText()).isEqualTo("BUY");
        assertThat(node.path("limit").decimalValue()).isEqualByComparingTo("1000");
        assertThat(node.path("missing").isNull()).isTrue();
        assertThat(node.path("quote").path("market").asText()).isEqualTo("KRW-ETH");
        assertThat(node.path("quote").path("price").toString()).isEqualTo("4200000");
        assertThat(node.path("quote").path("at").asText()).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(node.path("key").asText()).isEqualTo("***");
    }

    @Test
    void renamesFieldsThatWouldCollideWithEncoderFields() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", "from caller");
        fields.put("level", "high");
        fields.put("event", "other");
        events.safety("anomaly_detected", fields);
        LogSetup.shutdown();

        JsonNode node = LogFiles.jsonLines(dir.resolve("safety.jsonl")).get(0);
        assertThat(node.path("message").asText()).isEqualTo("anomaly_detected");
        assertThat(node.path("event").asText()).isEqualTo("anomaly_detected");
        assertThat(node.path("level").asText()).isEqualTo("INFO");
        assertThat(node.path("message_").asText()).isEqualTo("from caller");
        assertThat(node.path("level_").asText()).isEqualTo("high");
        assertThat(node.path("event_").asText()).isEqualTo("other");
    }

    @Test
    void acceptsNullFields() {
        events.balance("balance_snapshot", null);
        LogSetup.shutdown();

        assertThat(LogFiles.jsonLines(dir.resolve("balances.jsonl")))
                .singleElement()
                .satisfies(node -> assertThat(node.path("event").asText()).isEqualTo("balance_snapshot"));
    }
}
