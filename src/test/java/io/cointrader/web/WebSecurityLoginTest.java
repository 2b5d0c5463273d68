package io.cointrader.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cointrader.core.Secret;
import io.cointrader.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The login with the master code: wrong codes, the per-client and global lock-outs, and secrecy. */
class WebSecurityLoginTest {

    private static final String CODE = "CANARYcode5e1f9a7c3b2d";
    private static final String CLIENT_HEADER = "X-Test-Client";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T00:00:00Z"));
    // the test names its clients by a header, as if they came from different addresses
    private final GuardedApp app = new GuardedApp(
            new WebSecurity(SecurityConfig.defaults(Optional.of(Secret.of(CODE))), clock, ctx -> Optional.ofNullable(
                            ctx.header(CLIENT_HEADER))
                    .orElse(ctx.ip())));
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final List<Logger> ours =
            List.of((Logger) LoggerFactory.getLogger("io.cointrader"), (Logger) LoggerFactory.getLogger("cointrader"));
    private final List<Level> previousLevels = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        for (Logger logger : ours) {
            previousLevels.add(logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restore() {
        root.detachAppender(logs);
        for (int i = 0; i < ours.size(); i++) {
            ours.get(i).setLevel(previousLevels.get(i));
        }
        app.close();
    }

    private Browser client(String name) {
        Browser browser = new Browser(app).with(CLIENT_HEADER, name);
        browser.openSession();
        return browser;
    }

    @Test
    void rightCodeLogsIn() {
        Browser.Answer answer = client("a").login(CODE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("authenticated").asBoolean()).isTrue();
        assertThat(answer.json().path("csrf_token").asText()).isNotBlank();
    }

    @Test
    void wrongCodeIsRefusedWith401AndLogged() {
        Browser.Answer answer = client("a").login("guess");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("wrong code");
        assertThat(logs.list)
                .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("wrong code from a"));
    }

    @Test
    void malformedLoginBodyIsA400() {
        Browser browser = client("a");

        Browser.Answer broken = browser.postJson("/api/login", "{\"code\":");
        Browser.Answer number = browser.postJson("/api/login", "{\"code\":1234}");

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error()).isEqualTo("malformed JSON");
        assertThat(number.status()).isEqualTo(400);
    }

    @Test
    void fiveWrongCodesLockTheClientOutEvenAgainstTheRightCode() {
        Browser browser = client("a");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login("guess-" + i).status()).isEqualTo(401);
        }

        Browser.Answer locked = browser.login(CODE);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).contains("900");
        assertThat(locked.error()).isEqualTo("too many wrong codes; try again in 15 minutes");
        assertThat(browser.get("/api/ping").status()).isEqualTo(401);
        assertThat(client("b").login(CODE).status()).isEqualTo(200);
        assertThat(logs.list)
                .anySatisfy(event -> assertThat(event.getLoggerName()).isEqualTo("cointrader.safety"));
    }

    @Test
    void lockOutEndsAfterFifteenMinutes() {
        Browser browser = client("a");
        for (int i = 0; i < 5; i++) {
            browser.login("guess-" + i);
        }
        clock.advance(Duration.ofMinutes(10));
        Browser.Answer stillLocked = browser.login(CODE);
        clock.advance(Duration.ofMinutes(5));

        Browser.Answer answer = browser.login(CODE);

        assertThat(stillLocked.status()).isEqualTo(429);
        assertThat(stillLocked.header("Retry-After")).contains("300");
        assertThat(stillLocked.error()).contains("try again in 5 minutes");
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void rightCodeResetsTheClientsCount() {
        Browser browser = client("a");
        for (int i = 0; i < 4; i++) {
            browser.login("guess-" + i);
        }
        assertThat(browser.login(CODE).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(browser.login("guess-" + i).status()).isEqualTo(401);
        }
    }

    @Test
    void twentyWrongCodesFromDifferentClientsLockEveryoneOut() {
        for (int i = 0; i < 20; i++) {
            assertThat(client("c" + i).login("guess").status()).isEqualTo(401);
        }
        Browser newcomer = client("newcomer");

        Browser.Answer locked = newcomer.login(CODE);
        clock.advance(Duration.ofMinutes(15));
        Browser.Answer after = newcomer.login(CODE);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).contains("900");
        assertThat(after.status()).isEqualTo(200);
        assertThat(logs.list)
                .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("all clients"));
    }

    @Test
    void wrongCodesAreForgottenAfterAQuietLockOutPeriod() {
        Browser browser = client("a");
        for (int i = 0; i < 4; i++) {
            browser.login("guess-" + i);
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(browser.login("guess").status()).isEqualTo(401);
        assertThat(browser.login(CODE).status()).isEqualTo(200);
    }

    @Test
    void noAnswerAndNoLogLineCarriesTheMasterCodeOrATypedCode() {
        Browser browser = client("a");
        List<Browser.Answer> answers = new ArrayList<>();
        answers.add(browser.login(CODE + "-wrong"));
        answers.add(browser.login("prefix-" + CODE));
        answers.add(browser.login(CODE));
        answers.add(browser.get("/api/session"));
        answers.add(browser.postJson("/api/logout", "{}"));
        Browser attacker = client("x");
        for (int i = 0; i < 6; i++) {
            answers.add(attacker.login(CODE + i));
        }
        answers.add(attacker.login(CODE));

        assertThat(answers).extracting(Browser.Answer::status).contains(200, 401, 429);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.everything()).doesNotContain("CANARY"));
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(
                        event.getFormattedMessage() + event.getKeyValuePairs() + event.getMDCPropertyMap())
                .doesNotContain("CANARY"));
    }
}
