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
 * it before its next pass, and again on every pass until the close is finished.
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

    /**
     * Runs a pending request, if any, and removes it once everything is cancelled and sold; until then
     * it stays and the next pass carries on. Nothing here stops the loop.
     */
    void serve(TradingSystem system, PrintWriter out) {
        if (!pending()) {
            return;
        }
        try {
            String reason = Files.readString(file, StandardCharsets.UTF_8).strip();
            out.println("closing all positions on request: " + reason);
            EmergencyClose.Outcome outcome = new EmergencyClose(system, oneSecond(system)).run(reason);
            for (String line : outcome.lines()) {
                out.println("  " + line);
            }
            if (outcome.finished()) {
                Files.deleteIfExists(file);
            } else {
                out.println("  not finished yet: the close continues on the next pass");
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("could not serve the close-positions request; trying again on the next pass", e);
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
