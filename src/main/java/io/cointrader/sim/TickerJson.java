package io.cointrader.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Candle;
import io.cointrader.core.MarketData;
import io.cointrader.core.Money;
import io.cointrader.core.Symbol;
import io.cointrader.exchange.replay.CandleSeries;
import io.cointrader.exchange.replay.ReplayExchange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One {@code /v1/ticker} entry (upbit-api.md section 1.2) from the replay at one moment. Day values
 * come from the replay's ticker; 24-hour and 52-week values from the candles up to now (the forming
 * one only as far as it has formed). The data has no single trades, so {@code trade_volume} is
 * synthetic: one second's share of the current hour's volume; traded KRW amounts are volume x close.
 */
final class TickerJson {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Duration FIFTY_TWO_WEEKS = Duration.ofDays(364);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final int RATE_SCALE = 8;

    private TickerJson() {}

    static ObjectNode ticker(ReplayExchange exchange, CandleSeries series, Symbol symbol, Instant now) {
        MarketData md = exchange.ticker(symbol);
        List<Candle> recent = exchange.candles(symbol, ReplayExchange.INTERVAL_MINUTES, 24);
        Candle newest = recent.get(recent.size() - 1);
        List<Candle> last24 = recent.stream()
                .filter(c -> c.openTime().isAfter(now.minus(Duration.ofHours(24))))
                .toList();
        Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
        BigDecimal price = md.price();
        BigDecimal prev = md.prevClose() != null ? md.prevClose() : md.open();
        ObjectNode node = SimJson.object();
        node.put("market", symbol.marketCode());
        node.put("trade_date", DATE.format(now.atOffset(ZoneOffset.UTC)));
        node.put("trade_time", TIME.format(now.atOffset(ZoneOffset.UTC)));
        node.put("trade_date_kst", DATE.format(now.atOffset(SimJson.KST)));
        node.put("trade_time_kst", TIME.format(now.atOffset(SimJson.KST)));
        node.put("trade_timestamp", now.toEpochMilli());
        node.put("opening_price", md.open());
        node.put("high_price", md.high());
        node.put("low_price", md.low());
        node.put("trade_price", price);
        node.put("prev_closing_price", prev);
        putChange(node, price, prev);
        node.put("trade_volume", lastTradeVolume(series, now));
        node.put(
                "acc_trade_price",
                tradedKrw(last24.stream()
                        .filter(c -> !c.openTime().isBefore(dayStart))
                        .toList()));
        node.put("acc_trade_price_24h", tradedKrw(last24));
        node.put("acc_trade_volume", md.volume());
        node.put("acc_trade_volume_24h", last24.stream().map(Candle::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
        putFiftyTwoWeeks(node, series, newest, now);
        node.put("timestamp", now.toEpochMilli());
        return node;
    }

    /** Change against the previous close, as a direction, absolute values and signed values. */
    private static void putChange(ObjectNode node, BigDecimal price, BigDecimal prev) {
        BigDecimal change = price.subtract(prev);
        BigDecimal rate = change.divide(prev, RATE_SCALE, RoundingMode.HALF_UP);
        node.put("change", change.signum() > 0 ? "RISE" : change.signum() < 0 ? "FALL" : "EVEN");
        node.put("change_price", change.abs());
        node.put("change_rate", rate.abs());
        node.put("signed_change_price", change);
        node.put("signed_change_rate", rate);
    }

    private static BigDecimal tradedKrw(List<Candle> candles) {
        return candles.stream()
                .map(c -> c.volume().multiply(c.close()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(RATE_SCALE, RoundingMode.HALF_UP);
    }

    /** One second's share of the forming candle's volume; zero once the newest visible candle is complete. */
    private static BigDecimal lastTradeVolume(CandleSeries series, Instant now) {
        Candle current = series.get(series.indexBefore(now));
        if (!now.isBefore(current.openTime().plus(CandleSeries.INTERVAL))) {
            return BigDecimal.ZERO;
        }
        return current.volume().divide(SECONDS_PER_HOUR, Money.VOLUME_SCALE, RoundingMode.DOWN);
    }

    /** Highest and lowest over 52 weeks; the newest candle counts as far as it has formed. */
    private static void putFiftyTwoWeeks(ObjectNode node, CandleSeries series, Candle newest, Instant now) {
        Candle high = newest;
        Candle low = newest;
        int newestIndex = series.indexBefore(now);
        for (int i = series.indexAtOrAfter(now.minus(FIFTY_TWO_WEEKS)); i < newestIndex; i++) {
            Candle c = series.get(i);
            high = c.high().compareTo(high.high()) > 0 ? c : high;
            low = c.low().compareTo(low.low()) < 0 ? c : low;
        }
        node.put("highest_52_week_price", high.high());
        node.put("highest_52_week_date", DAY.format(high.openTime().atOffset(ZoneOffset.UTC)));
        node.put("lowest_52_week_price", low.low());
        node.put("lowest_52_week_date", DAY.format(low.openTime().atOffset(ZoneOffset.UTC)));
    }
}
