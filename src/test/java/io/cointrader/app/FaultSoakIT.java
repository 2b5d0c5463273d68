package io.cointrader.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault soak ({@link FaultSoak}): the live loop against the simulator with random faults between
 * ticks, then the books. The CI run is short; the long run makes 100,000 ticks (seed and size can be
 * changed with {@code -Dsoak.seed} and {@code -Dsoak.ticks}):
 *
 * <pre>
 * ./mvnw -B -o verify -Dgroups=long -Dexcluded.groups=none -Dtest=NONE \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultSoakIT
 * </pre>
 */
class FaultSoakIT {

    @TempDir
    Path work;

    @Test
    void liveLoopSurvivesRandomFaultsWithTheBooksStraightAndTheKillSwitchExact() throws Exception {
        try (FaultSoak soak = new FaultSoak(work, new FaultSoak.Plan(20251125L, 2_000, 0.06, 1))) {
            SoakChecks checks = soak.run(System.out);

            assertThat(checks.failures()).isEmpty();
            assertThat(checks.passed()).isPositive();
        }
    }

    @Test
    @Tag("long")
    void hundredThousandTicksOfFaultsLeaveNoCrashNoDuplicateAndNoLostFill() throws Exception {
        long seed = Long.getLong("soak.seed", 7L);
        int ticks = Integer.getInteger("soak.ticks", 100_000);
        try (FaultSoak soak = new FaultSoak(work, new FaultSoak.Plan(seed, ticks, 0.04, 20))) {
            SoakChecks checks = soak.run(System.out);

            assertThat(checks.failures()).isEmpty();
            assertThat(checks.passed()).isPositive();
        }
    }
}
