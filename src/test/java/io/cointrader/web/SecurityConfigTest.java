package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cointrader.core.Secret;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityConfigTest {

    @Test
    void defaultsFollowTheDocumentedPolicy() {
        SecurityConfig local = SecurityConfig.defaults(Optional.empty());
        SecurityConfig guarded = SecurityConfig.defaults(Optional.of(Secret.of("code")));

        assertThat(local.loopbackHostsOnly()).isTrue();
        assertThat(local.authRequired()).isFalse();
        assertThat(guarded.loopbackHostsOnly()).isFalse();
        assertThat(guarded.authRequired()).isTrue();
        assertThat(guarded.sessionIdle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(guarded.sessionMax()).isEqualTo(Duration.ofHours(12));
        assertThat(guarded.maxFailuresPerClient()).isEqualTo(5);
        assertThat(guarded.maxFailuresTotal()).isEqualTo(20);
        assertThat(guarded.lockout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(guarded.maxSessions()).isEqualTo(1000);
    }

    @Test
    void withoutAMasterCodeOnlyLoopbackHostsMayBeServed() {
        assertThatThrownBy(() -> new SecurityConfig(
                        Optional.empty(),
                        false,
                        Duration.ofMinutes(30),
                        Duration.ofHours(12),
                        5,
                        20,
                        Duration.ofMinutes(15),
                        1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankMasterCodeIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> SecurityConfig.defaults(Optional.of(Secret.of("   "))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the master code must not be blank");
    }

    @Test
    void masterCodeMatchesOnlyItself() {
        MasterCode code = MasterCode.of(Secret.of("s3cret-code"));

        assertThat(code.matches("s3cret-code")).isTrue();
        assertThat(code.matches("s3cret-cod")).isFalse();
        assertThat(code.matches("s3cret-code ")).isFalse();
        assertThat(code.matches("")).isFalse();
        assertThat(code).hasToString("***");
    }

    @Test
    void loopbackHostNamesAreRecognisedWithAnyPort() {
        assertThat(WebSecurity.isLoopbackHost("127.0.0.1")).isTrue();
        assertThat(WebSecurity.isLoopbackHost("localhost:8000")).isTrue();
        assertThat(WebSecurity.isLoopbackHost("[::1]:8000")).isTrue();
        assertThat(WebSecurity.isLoopbackHost("[::1]")).isTrue();
        assertThat(WebSecurity.isLoopbackHost("localhost.evil.example")).isFalse();
        assertThat(WebSecurity.isLoopbackHost("evil.example:8000")).isFalse();
        assertThat(WebSecurity.isLoopbackHost("[::2]:8000")).isFalse();
        assertThat(WebSecurity.isLoopbackHost("")).isFalse();
        assertThat(WebSecurity.isLoopbackHost(null)).isFalse();
    }
}
