package io.cointrader.exchange.upbit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Symbol;
import io.cointrader.exchange.ExchangeUnavailableException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpbitJsonTest {

    private static final Symbol BTC = new Symbol("BTC", "KRW");

    @Test
    void aNumberWhoseExponentOverflowsIsAMalformedBodyNotANumberFormatException() {
        byte[] ticker = "[{\"market\":\"KRW-BTC\",\"trade_price\":1E+2147483648,\"timestamp\":1773240058973}]"
                .getBytes(StandardCharsets.UTF_8);
        byte[] order =
                "{\"uuid\":\"u\",\"side\":\"bid\",\"market\":\"KRW-BTC\",\"state\":\"wait\",\"executed_volume\":1e-2147483649}"
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> QuotationParser.ticker(ticker, BTC))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessage("malformed Upbit ticker response: a number is out of range");
        assertThatThrownBy(() -> PrivateParser.order(order))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageStartingWith("malformed Upbit order response");
    }
}
