package io.cointrader.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;

/**
 * Keeps the web server libraries' own warnings off the console: the command already says what went
 * wrong in one line, and their messages still reach {@code general.jsonl}.
 */
final class LibraryConsoleFilter extends Filter<ILoggingEvent> {

    private static final List<String> QUIET = List.of("io.javalin", "org.eclipse.jetty");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String logger = event.getLoggerName();
        for (String prefix : QUIET) {
            if (logger.startsWith(prefix)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
