package io.cointrader.state;

import java.time.Instant;

/** One row of the append-only {@code events} audit table; {@code payloadJson} is a JSON object. */
public record StoredEvent(long id, String type, String payloadJson, Instant time) {}
