package io.cointrader.sim;

import java.time.Instant;

/**
 * A request as the handlers see it: decoded parameters, the verified access key (null on quotation
 * endpoints), the market time the whole request is answered at (prices), and the wall time it arrived
 * at (the time stamped on the orders and trades it makes, as a real exchange stamps them).
 */
record SimRequest(String method, String path, Params params, String accessKey, Instant marketTime, Instant wallTime) {}
