package io.cointrader.config;

import io.cointrader.core.Secret;
import java.nio.file.Path;
import java.util.Optional;

/** Live-mode gate and key storage. The master key comes only from the environment or a prompt. */
public record LiveSettings(
        Path liveModeTokenPath,
        Path upbitKeyFile,
        Optional<Secret> upbitMasterKey,
        Optional<Secret> liveConfirmation) {}
