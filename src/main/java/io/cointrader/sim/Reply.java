package io.cointrader.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** A response before faults are applied: status, content type and body bytes. */
record Reply(int status, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    static Reply json(int status, JsonNode body) {
        return new Reply(status, JSON, SimJson.bytes(body));
    }

    static Reply text(int status, String body) {
        return new Reply(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply error(ApiError error) {
        return json(error.status(), SimJson.error(error));
    }
}
