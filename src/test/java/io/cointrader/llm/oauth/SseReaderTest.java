package io.cointrader.llm.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    static SseReader reader(String text) {
        return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsCrlfFramedEventsAndJoinsMultiLineData() throws Exception {
        SseReader sse =
                reader(": keep-alive\r\nevent: a\r\ndata: one\r\ndata:two\r\nid: 7\r\n\r\n\r\ndata: {\"x\":1}\r\n\r\n");

        assertThat(sse.next()).isEqualTo(new SseReader.Event("a", "one\ntwo"));
        assertThat(sse.next()).isEqualTo(new SseReader.Event("message", "{\"x\":1}"));
        assertThat(sse.next()).isNull();
    }

    @Test
    void anEventNameWithoutDataIsDroppedAndALastEventWithoutBlankLineCounts() throws Exception {
        SseReader sse = reader("event: ping\n\nevent: b\ndata: last");

        assertThat(sse.next()).isEqualTo(new SseReader.Event("b", "last"));
        assertThat(sse.next()).isNull();
    }
}
