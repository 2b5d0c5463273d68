package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T00:00:00Z"));

    private Sessions sessions(int capacity) {
        return new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12), capacity, new SecureRandom());
    }

    @Test
    void idsAndTokensAreRandomAndTheIdIsNotStored() {
        Sessions store = sessions(10);

        Sessions.Issued a = store.create(false);
        Sessions.Issued b = store.create(false);

        assertThat(a.id()).isNotEqualTo(b.id()).matches("[A-Za-z0-9_-]{43}");
        assertThat(a.session().csrfToken())
                .isNotEqualTo(a.id())
                .isNotEqualTo(b.session().csrfToken());
        assertThat(a.session().key())
                .isEqualTo(SecurityTokens.sha256Hex(a.id()))
                .doesNotContain(a.id());
    }

    @Test
    void unknownIdIsNoSession() {
        Sessions store = sessions(10);
        store.create(true);

        assertThat(store.use("forged")).isEmpty();
        assertThat(store.use(null)).isEmpty();
        assertThat(store.use("")).isEmpty();
    }

    @Test
    void sessionEndsAfterTheMaximumLifetimeHoweverOftenItIsUsed() {
        Sessions store = sessions(10);
        String id = store.create(true).id();

        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(store.use(id)).as("after %d minutes", (i + 1) * 20).isPresent();
        }
        clock.advance(Duration.ofMinutes(20));

        assertThat(store.use(id)).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void fullStoreEvictsTheOldestAnonymousSessionBeforeALoggedInOne() {
        Sessions store = sessions(3);
        String loggedIn = store.create(true).id();
        String oldAnonymous = store.create(false).id();
        String newAnonymous = store.create(false).id();

        store.create(false);

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.use(loggedIn)).isPresent();
        assertThat(store.use(oldAnonymous)).isEmpty();
        assertThat(store.use(newAnonymous)).isPresent();
    }

    @Test
    void fullStoreOfLoggedInSessionsEvictsTheOldest() {
        Sessions store = sessions(2);
        String oldest = store.create(true).id();
        String second = store.create(true).id();

        store.create(true);

        assertThat(store.use(oldest)).isEmpty();
        assertThat(store.use(second)).isPresent();
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void expiredSessionsMakeRoomBeforeAnyLiveOneIsEvicted() {
        Sessions store = sessions(2);
        store.create(false);
        clock.advance(Duration.ofMinutes(31));
        String live = store.create(true).id();

        store.create(false);

        assertThat(store.use(live)).isPresent();
        assertThat(store.size()).isEqualTo(2);
    }
}
