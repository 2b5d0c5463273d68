package io.cointrader.sim;

import java.time.Instant;

/**
 * A request as the handlers see it: decoded parameters, the verified access key (null on quotation
 * endpoints) and the market time the whole request is answered at.
 */
record SimRequest(String method, String path, Params params, String accessKey, Instant marketTime) {}
