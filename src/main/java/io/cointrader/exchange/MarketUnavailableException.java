package io.cointrader.exchange;

/**
 * The exchange answered that the market cannot be used right now (Upbit {@code market_offline}: under
 * maintenance, suspended). Not a credentials problem: the keys are fine, the market is not. An order
 * POST that fails with it was not created; wait and try again later with a new identifier.
 */
public class MarketUnavailableException extends ExchangeException {

    public MarketUnavailableException(String message) {
        super(message);
    }

    public MarketUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
