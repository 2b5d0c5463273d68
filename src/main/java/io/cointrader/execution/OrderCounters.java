package io.cointrader.execution;

/** Orders sent in the last second and since 00:00 UTC, counted from the database. */
record OrderCounters(int lastSecond, int today) {}
