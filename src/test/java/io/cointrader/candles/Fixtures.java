package io.cointrader.candles;

import io.cointrader.core.Candle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Candles for tests: the real Upbit sample and made-up series. */
public final class Fixtures {

    private Fixtures() {}

    /** {@code src/test/resources/candles/upbit_KRW-BTC_60m_sample.csv}: 600 real KRW-BTC 60m candles, ascending. */
    public static List<Candle> btc60m() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/candles/upbit_KRW-BTC_60m_sample.csv")) {
            if (in == null) {
                throw new IllegalStateException("sample candles missing from the test resources");
            }
            List<Candle> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",");
                out.add(new Candle(
                        Instant.parse(f[0]),
                        new BigDecimal(f[1]),
                        new BigDecimal(f[2]),
                        new BigDecimal(f[3]),
                        new BigDecimal(f[4]),
                        new BigDecimal(f[5])));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} candles every {@code step} from {@code first}, prices moving a little, ascending. */
    public static List<Candle> series(Instant first, Duration step, int count) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal base = BigDecimal.valueOf(100_000_000L + (i % 37) * 1_000L);
            out.add(new Candle(
                    first.plus(step.multipliedBy(i)),
                    base,
                    base.add(BigDecimal.valueOf(5_000)),
                    base.subtract(BigDecimal.valueOf(4_000)),
                    base.add(BigDecimal.valueOf(1_000)),
                    new BigDecimal("0.00000001").multiply(BigDecimal.valueOf(i + 1L))));
        }
        return List.copyOf(out);
    }
}
