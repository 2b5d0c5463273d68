package io.cointrader.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trader kill --close-positions} while another process trades: only that process owns the
 * account, so the kill command leaves a request file beside the kill switch and the running loop serves
 * it before its next pass.
 */
final class ClosePositionsRequest {

    private static final Logger LOG = LoggerFactory.getLogger(ClosePositionsRequest.class);

    private final Path file;

    ClosePositionsRequest(Path killSwitchFile) {
        this.file = killSwitchFile.resolveSibling(killSwitchFile.getFileName() + ".close-positions");
    }

    Path file() {
        return file;
    }

    void submit(String reason) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, reason, StandardCharsets.UTF_8);
    }

    boolean pending() {
        return Files.exists(file);
    }

    /** Runs a pending request, if any, then removes it. */
    void serve(TradingSystem system, PrintWriter out) {
        if (!pending()) {
            return;
        }
        try {
            String reason = Files.readString(file, StandardCharsets.UTF_8).strip();
            out.println("closing all positions on request: " + reason);
            for (String line : new EmergencyClose(system, oneSecond(system)).run(reason)) {
                out.println("  " + line);
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.error("could not serve the close-positions request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    static EmergencyClose.OneSecondWait oneSecond(TradingSystem system) {
        return system.replayClock()
                .<EmergencyClose.OneSecondWait>map(clock -> () -> clock.advance(Duration.ofSeconds(1)))
                .orElse(() -> Thread.sleep(1000));
    }
}
