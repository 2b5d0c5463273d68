package io.cointrader.app;

import io.cointrader.core.Secret;
import io.cointrader.exchange.PrivateExchange;
import io.cointrader.exchange.upbit.UpbitHttp;
import java.util.Optional;

/**
 * How a live run reaches the exchange's private API, once the live gate has passed and the keys are
 * decrypted. Sharing the public adapter's {@link UpbitHttp} keeps one rate budget and one 418 ban for
 * the whole process.
 */
interface LiveAccess {

    PrivateExchange connect(UpbitHttp http);

    /** The access key in use, to find its own entry in the exchange's key list; empty when not known. */
    default Optional<Secret> accessKey() {
        return Optional.empty();
    }
}
