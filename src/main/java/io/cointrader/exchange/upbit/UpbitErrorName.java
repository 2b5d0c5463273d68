package io.cointrader.exchange.upbit;

import io.cointrader.exchange.AuthFailedException;
import io.cointrader.exchange.ExchangeException;
import io.cointrader.exchange.InsufficientFundsException;
import io.cointrader.exchange.MarketUnavailableException;
import io.cointrader.exchange.OrderRejectedException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What an Upbit {@code error.name} means, whatever HTTP status came with it (upbit-api.md sections 0a
 * and 5). Each kind is a definite answer: the call took no effect. Names not listed here are unknown
 * and leave the decision to the status.
 */
enum UpbitErrorName {
    INSUFFICIENT_FUNDS(InsufficientFundsException::new),
    ORDER_NOT_FOUND(UpbitOrderNotFoundException::new),
    REJECTED(OrderRejectedException::new),
    AUTH(AuthFailedException::new),
    MARKET_UNAVAILABLE(MarketUnavailableException::new);

    /** Refused credentials, as documented plus the older spelling of the IP allow-list error. */
    private static final Set<String> AUTH_NAMES = Set.of(
            "jwt_verification",
            "invalid_query_payload",
            "expired_access_key",
            "nonce_used",
            "no_authorization_ip",
            "no_authorization_i_p",
            "no_authorization_token",
            "out_of_scope",
            "invalid_access_key",
            "thirdparty_agreement_required");

    private static final Set<String> REJECTED_NAMES = Set.of(
            "create_ask_error",
            "create_bid_error",
            "validation_error",
            "invalid_parameter",
            "invalid_volume",
            "volume_too_large",
            "invalid_funds");

    /**
     * Families of order-validation names ({@code under_min_total_bid}, {@code invalid_price_ask} ...)
     * and the duplicate-identifier answer, whose exact name Upbit does not document.
     */
    private static final Pattern REJECTED_FAMILY = Pattern.compile(
            "(under_min_total|over_max_total|invalid_price|invalid_volume|volume_too_large)(_.*)?|.*duplicat.*");

    /** {@code market_offline} and the like: maintenance or a suspended market, not a key problem. */
    private static final Pattern MARKET_CLOSED = Pattern.compile(".*(offline|maintenance|suspended).*");

    private final Function<String, ExchangeException> exception;

    UpbitErrorName(Function<String, ExchangeException> exception) {
        this.exception = exception;
    }

    /** The kind of a known name; empty for an unknown, blank or numeric name. */
    static Optional<UpbitErrorName> of(String rawName) {
        if (rawName == null || rawName.isBlank()) {
            return Optional.empty();
        }
        String name = rawName.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("insufficient_funds")) {
            return Optional.of(INSUFFICIENT_FUNDS);
        }
        if (name.equals("order_not_found")) {
            return Optional.of(ORDER_NOT_FOUND);
        }
        if (AUTH_NAMES.contains(name)) {
            return Optional.of(AUTH);
        }
        if (REJECTED_NAMES.contains(name) || REJECTED_FAMILY.matcher(name).matches()) {
            return Optional.of(REJECTED);
        }
        if (MARKET_CLOSED.matcher(name).matches()) {
            return Optional.of(MARKET_UNAVAILABLE);
        }
        return Optional.empty();
    }

    ExchangeException exception(String detail) {
        return exception.apply(detail);
    }
}
