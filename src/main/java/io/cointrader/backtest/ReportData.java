package io.cointrader.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Fill;
import io.cointrader.core.Side;
import io.cointrader.core.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart data of the HTML report as JSON: equity and drawdown of the strategy and buy-and-hold,
 * and per symbol the close, both EMAs and the fills. Times are epoch seconds; every series is
 * downsampled to about {@link Downsample#MAX_POINTS} points; {@code NaN} becomes {@code null} (a gap).
 */
final class ReportData {

    /** Digits kept per value: far finer than a pixel, and it halves the size of the page. */
    private static final MathContext DIGITS = new MathContext(9);

    private ReportData() {}

    static ObjectNode of(BacktestResult result, ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        BacktestSpec spec = result.spec();
        root.put("dataSource", spec.dataSource());
        root.put("quote", ReportFormat.quote(spec));
        long[] times = result.equity().times();
        double[] strategy = result.equity().values();
        double[] hold = BuyAndHold.of(result).values();
        root.set("equity", pair(json, times, strategy, hold));
        root.set("drawdown", pair(json, times, drawdownPct(strategy), drawdownPct(hold)));
        ArrayNode symbols = root.putArray("symbols");
        Map<Symbol, List<Fill>> fills = bySymbol(result.fills());
        for (SymbolSeries s : result.series()) {
            symbols.add(symbol(json, s, fills.getOrDefault(s.symbol(), List.of())));
        }
        return root;
    }

    /** Below-peak depth at every point, in percent (0 at a peak, negative under water). */
    static double[] drawdownPct(double[] values) {
        double[] out = new double[values.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            peak = Math.max(peak, values[i]);
            out[i] = peak > 0 ? (values[i] / peak - 1) * 100 : 0;
        }
        return out;
    }

    private static ObjectNode pair(ObjectMapper json, long[] times, double[] strategy, double[] hold) {
        int[] picked = Downsample.indices(times.length, Downsample.MAX_POINTS, strategy, hold);
        ObjectNode node = json.createObjectNode();
        node.set("t", times(node.arrayNode(), times, picked));
        node.set("strategy", values(node.arrayNode(), strategy, picked));
        node.set("buyAndHold", values(node.arrayNode(), hold, picked));
        return node;
    }

    private static ObjectNode symbol(ObjectMapper json, SymbolSeries s, List<Fill> fills) {
        int[] picked = Downsample.indices(s.size(), Downsample.MAX_POINTS, s.close());
        ObjectNode node = json.createObjectNode();
        node.put("name", s.symbol().toString());
        node.set("t", times(node.arrayNode(), s.times(), picked));
        node.set("close", values(node.arrayNode(), s.close(), picked));
        node.set("fast", values(node.arrayNode(), s.fastEma(), picked));
        node.set("slow", values(node.arrayNode(), s.slowEma(), picked));
        ArrayNode marks = node.putArray("fills");
        for (Fill f : fills) {
            ArrayNode mark = marks.addArray();
            mark.add(f.time().getEpochSecond());
            mark.add(f.price().doubleValue());
            mark.add(f.side() == Side.BUY ? "B" : "S");
        }
        return node;
    }

    private static ArrayNode times(ArrayNode out, long[] times, int[] picked) {
        for (int i : picked) {
            out.add(times[i]);
        }
        return out;
    }

    private static ArrayNode values(ArrayNode out, double[] values, int[] picked) {
        for (int i : picked) {
            double v = values[i];
            if (Double.isFinite(v)) {
                out.add(new BigDecimal(v).round(DIGITS).doubleValue());
            } else {
                out.addNull();
            }
        }
        return out;
    }

    private static Map<Symbol, List<Fill>> bySymbol(List<Fill> fills) {
        Map<Symbol, List<Fill>> out = new LinkedHashMap<>();
        for (Fill f : fills) {
            out.computeIfAbsent(f.symbol(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }
}
