package io.cointrader.logging;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Run in a fresh JVM by {@link QuietStartupTest}: logs before and after configuration. */
final class StartupProbe {

    private StartupProbe() {}

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger("io.cointrader.app.Main");
        log.debug("debug before configuration");
        log.info("info before configuration");
        log.warn("warn before configuration Authorization: Bearer {}", args[1]);
        LogSetup.configure(Path.of(args[0]), "DEBUG", new Redactor());
        log.debug("debug after configuration");
        log.info("info after configuration");
        new EventLog().decision("probe_decision", Map.of("ok", true));
        LogSetup.shutdown();
    }
}
