package io.cointrader.app;

public final class Main {
    public static void main(String[] args) {
        System.out.println("coin-trader");
    }
}
