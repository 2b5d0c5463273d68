package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live gate and the key file, through the packaged program with no terminal attached. */
class LiveGateIT {

    private static final String ACCESS = "CANARY-ACCESS-7f1c2d";
    private static final String SECRET = "CANARY-SECRET-9a8b7c6d5e";
    private static final String MASTER = "CANARY-MASTER-0c1d2e3f";

    @TempDir
    Path work;

    private TraderProcess trader() {
        return new TraderProcess(work);
    }

    private static void assertRefusedBeforeTrading(TraderProcess.Result result, String fragment) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("error: ").contains(fragment);
        assertThat(result.out()).doesNotContain("trading:");
    }

    @Test
    void liveWithoutTheTokenFileIsRefusedBeforeAnythingIsBuilt() throws Exception {
        assertRefusedBeforeTrading(trader().run("run", "--mode", "live", "--once"), "LIVE_MODE_TOKEN_PATH");
        assertThat(work.resolve("data/coin_trader.db")).doesNotExist();
    }

    @Test
    void liveWithTheTokenButNoConfirmationIsRefused() throws Exception {
        Files.createDirectories(work.resolve("RUN"));
        Files.writeString(work.resolve("RUN/live_mode_token.txt"), "ok");

        assertRefusedBeforeTrading(trader().run("run", "--mode", "live", "--once"), "LIVE_TRADING_CONFIRMATION");
        assertRefusedBeforeTrading(
                trader().run(Map.of("LIVE_TRADING_CONFIRMATION", "yes please"), "run", "--mode", "live", "--once"),
                "wrong phrase");
    }

    @Test
    void encryptKeysFromAPipeWritesAnOwnerOnlyFileAndAWrongMasterKeyIsOneLine() throws Exception {
        TraderProcess.Result written = trader().runWithInput(
                        ACCESS + "\n" + SECRET + "\n" + MASTER + "\n" + MASTER + "\n",
                        Map.of(),
                        "encrypt-keys",
                        "--exchange",
                        "upbit");

        assertThat(written.exitCode()).as(written.err()).isZero();
        Path keyFile = work.resolve("data/upbit_keys.enc");
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(keyFile)).doesNotContain(ACCESS, SECRET, MASTER);
        assertThat(written.out() + written.err()).doesNotContain(ACCESS, SECRET, MASTER);

        Files.createDirectories(work.resolve("RUN"));
        Files.writeString(work.resolve("RUN/live_mode_token.txt"), "ok");
        TraderProcess.Result wrongKey = trader().run(
                        Map.of("LIVE_TRADING_CONFIRMATION", LiveGate.PHRASE, "UPBIT_MASTER_KEY", "not-the-master-key"),
                        "run",
                        "--mode",
                        "live",
                        "--once");
        assertRefusedBeforeTrading(wrongKey, "master key");
        assertThat(wrongKey.err()).doesNotContain("not-the-master-key", MASTER);
    }
}
