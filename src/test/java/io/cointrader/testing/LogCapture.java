package io.cointrader.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what one logger and its descendants log, for assertions on log lines. Closing it detaches it
 * and gives the logger back the level it had, so that the next test sees the configured logging.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger, Level level) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures {@code loggerName} at the level it is configured with. */
    public static LogCapture of(String loggerName) {
        return new LogCapture((Logger) LoggerFactory.getLogger(loggerName), null);
    }

    /** Captures {@code loggerName} with its level set to {@code level} until closed. */
    public static LogCapture of(String loggerName, Level level) {
        return new LogCapture((Logger) LoggerFactory.getLogger(loggerName), level);
    }

    /** Captures the logger of {@code type} with its level set to {@code level} until closed. */
    public static LogCapture of(Class<?> type, Level level) {
        return of(type.getName(), level);
    }

    /** The events so far, oldest first. */
    public List<ILoggingEvent> events() {
        // the appender adds under its own lock, possibly from another thread
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** The events so far at {@code level}, oldest first. */
    public List<ILoggingEvent> events(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).toList();
    }

    /** Every message so far with the messages of its exception and that exception's causes. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent event : events()) {
            out.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                out.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        return out;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
    }
}
