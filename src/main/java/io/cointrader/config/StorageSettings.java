package io.cointrader.config;

import java.nio.file.Path;

/**
 * Where state, logs and downloaded history go. {@code logLevel} is one of TRACE, DEBUG, INFO, WARN,
 * ERROR; {@code candleCachePath} is the SQLite file of {@code trader candles download}.
 */
public record StorageSettings(Path dbPath, Path logDir, String logLevel, Path candleCachePath) {}
