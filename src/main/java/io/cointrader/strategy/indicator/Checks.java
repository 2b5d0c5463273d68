package io.cointrader.strategy.indicator;

final class Checks {

    private Checks() {}

    static int requirePeriod(int period, String name) {
        if (period < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + period);
        }
        return period;
    }

    static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }
}
