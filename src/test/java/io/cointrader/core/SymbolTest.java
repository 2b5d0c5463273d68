package io.cointrader.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SymbolTest {

    @Test
    void parsesBaseSlashQuoteAndMapsToUpbitMarketCode() {
        Symbol btc = Symbol.parse(" btc/krw ");
        assertThat(btc.base()).isEqualTo("BTC");
        assertThat(btc.quote()).isEqualTo("KRW");
        assertThat(btc.marketCode()).isEqualTo("KRW-BTC");
        assertThat(Symbol.fromMarketCode("KRW-BTC")).isEqualTo(btc);
        assertThat(btc.isDerivative()).isFalse();
    }

    @Test
    void settlementSuffixMarksDerivative() {
        assertThat(Symbol.parse("BTC/USDT:USDT").isDerivative()).isTrue();
    }

    @Test
    void rejectsMalformedSymbols() {
        for (String bad : new String[] {"BTCKRW", "BTC/", "/KRW", "BTC/KRW/X", "BT-C/KRW", ""}) {
            assertThatThrownBy(() -> Symbol.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
