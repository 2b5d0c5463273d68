package io.cointrader.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlackPayloadTest {

    private static final Instant AT = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void tagsEachSeverity() {
        assertThat(SlackPayload.tag(Severity.CRITICAL)).isEqualTo(":rotating_light: CRITICAL");
        assertThat(SlackPayload.tag(Severity.HIGH)).isEqualTo(":warning: HIGH");
        assertThat(SlackPayload.tag(Severity.INFO)).isEqualTo(":information_source: INFO");
    }

    @Test
    void keepsLongTextUnder3000CharactersWithAnEllipsisAndKeepsTheDropNote() throws Exception {
        String longText = "y".repeat(10_000);
        JsonNode body = new ObjectMapper()
                .readTree(new SlackPayload().render(new Alert(Severity.HIGH, "big", longText, AT), 7));

        String text = body.get("text").asText();
        assertThat(text)
                .hasSizeLessThanOrEqualTo(3000)
                .startsWith(":warning: HIGH big: yyy")
                .endsWith("…\n(7 alerts were dropped)");
        assertThat(body.at("/blocks/1/text/text").asText()).hasSize(3000).endsWith("…");
        assertThat(body.at("/blocks/2/elements/0/text").asText()).contains("7 alerts were dropped");
    }

    @Test
    void shortTextIsLeftAlone() {
        assertThat(SlackPayload.truncate("hello", 3000)).isEqualTo("hello");
    }
}
