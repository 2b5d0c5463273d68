package io.cointrader.safety;

import java.time.Instant;

/**
 * Whether the kill switch is on and, if so, why.
 *
 * @param reason why it was activated; null when inactive
 * @param source who activated it ({@code cli}, {@code web}, {@code api-failures}, {@code process},
 *     ...); null when inactive
 * @param since when it was activated; null when inactive or unknown (a kill switch file without a
 *     readable time)
 */
public record KillSwitchStatus(boolean active, String reason, String source, Instant since) {

    private static final KillSwitchStatus INACTIVE = new KillSwitchStatus(false, null, null, null);

    public KillSwitchStatus {
        if (active && (reason == null || source == null)) {
            throw new IllegalArgumentException("an active kill switch needs a reason and a source");
        }
    }

    public static KillSwitchStatus inactive() {
        return INACTIVE;
    }
}
