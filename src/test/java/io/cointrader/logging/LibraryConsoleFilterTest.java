package io.cointrader.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class LibraryConsoleFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final LibraryConsoleFilter filter = new LibraryConsoleFilter();

    @Test
    void keepsTheWebServerLibrariesOffTheConsole() {
        assertThat(filter.decide(event("io.javalin.Javalin"))).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event("org.eclipse.jetty.server.Server"))).isEqualTo(FilterReply.DENY);
    }

    @Test
    void letsTheProgramsOwnWarningsThrough() {
        assertThat(filter.decide(event("cointrader.safety"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("io.cointrader.app.WebCommand"))).isEqualTo(FilterReply.NEUTRAL);
    }

    private LoggingEvent event(String logger) {
        return new LoggingEvent(
                LibraryConsoleFilterTest.class.getName(), context.getLogger(logger), Level.ERROR, "m", null, null);
    }
}
