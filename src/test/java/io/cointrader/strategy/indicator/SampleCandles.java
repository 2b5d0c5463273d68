package io.cointrader.strategy.indicator;

import io.cointrader.core.Candle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Real Upbit candles bundled with the tests (see {@code src/test/resources/candles/README.md}). */
public final class SampleCandles {

    private static final String BTC_HOURLY = "/candles/upbit_KRW-BTC_60m_sample.csv";

    private SampleCandles() {}

    /** 600 consecutive KRW-BTC 60-minute candles, oldest first. */
    public static List<Candle> btcHourly() {
        try (InputStream in = SampleCandles.class.getResourceAsStream(BTC_HOURLY)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + BTC_HOURLY);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Candle> parse(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (!"timestamp_utc,open,high,low,close,volume".equals(header)) {
            throw new IllegalStateException("unexpected header " + header);
        }
        List<Candle> candles = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] f = line.split(",");
            candles.add(new Candle(
                    Instant.parse(f[0]),
                    new BigDecimal(f[1]),
                    new BigDecimal(f[2]),
                    new BigDecimal(f[3]),
                    new BigDecimal(f[4]),
                    new BigDecimal(f[5])));
        }
        return List.copyOf(candles);
    }
}
