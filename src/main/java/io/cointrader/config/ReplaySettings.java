package io.cointrader.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Offline replay: where history comes from (bundled when {@code dataDir} is empty), where the
 * simulated clock starts and ends (data bounds when empty), and how far it moves per loop pass.
 */
public record ReplaySettings(Optional<Path> dataDir, Optional<Instant> from, Optional<Instant> to, Duration step) {}
