package io.cointrader.config;

import java.nio.file.Path;

/** Where state and logs go. {@code logLevel} is one of TRACE, DEBUG, INFO, WARN, ERROR. */
public record StorageSettings(Path dbPath, Path logDir, String logLevel) {}
