package io.cointrader.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback in code at start-up, replacing the bootstrap {@code logback.xml} (WARN+ to
 * stderr).
 *
 * <p>Files in {@code logDir}: {@code decisions}, {@code orders}, {@code fills}, {@code balances},
 * {@code safety} and {@code general} {@code .jsonl}, one JSON object per line (UTC ISO-8601
 * {@code @timestamp}, level, logger, message, MDC, structured fields at top level, {@code
 * stack_trace}). The loggers {@code cointrader.decisions} ... {@code cointrader.safety} write only
 * to their own file; every other logger goes to {@code general.jsonl}, and WARN and above also to
 * stderr as one plain line. Each file rolls over daily (UTC) and at {@value #MAX_FILE_SIZE} into
 * {@code <name>-yyyy-MM-dd.i.jsonl.gz}, keeping {@value #MAX_HISTORY_DAYS} days and at most
 * {@value #TOTAL_SIZE_CAP} per file kind.
 *
 * <p>Every output passes through the given {@link Redactor}; secrets registered with it later are
 * masked from then on.
 *
 * <p>The configured level applies to {@code general.jsonl}; the event files always record INFO
 * events (and DEBUG/TRACE too when the level is that verbose), because they are the record of what
 * the trader did.
 */
public final class LogSetup {

    static final String MAX_FILE_SIZE = "50MB";
    static final int MAX_HISTORY_DAYS = 30;
    static final String TOTAL_SIZE_CAP = "2GB";

    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private LogSetup() {}

    /**
     * (Re)configures logging; may be called again, e.g. with another directory.
     *
     * @param logDir created if missing
     * @param level one of TRACE, DEBUG, INFO, WARN, ERROR (case-insensitive)
     * @throws IllegalArgumentException for an unknown level
     * @throws UncheckedIOException if the directory cannot be created
     * @throws IllegalStateException if Logback is not the SLF4J backend or a log file cannot be
     *     opened
     */
    public static synchronized void configure(Path logDir, String level, Redactor redactor) {
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(redactor, "redactor");
        Level rootLevel = parseLevel(level);
        createDirectories(logDir);
        LoggerContext context = loggerContext();
        context.reset();
        if (!context.isStarted()) {
            context.start();
        }
        Level eventLevel = rootLevel.isGreaterOrEqual(Level.INFO) ? Level.INFO : rootLevel;
        for (EventChannel channel : EventChannel.values()) {
            Logger logger = context.getLogger(channel.loggerName());
            logger.setAdditive(false);
            logger.setLevel(eventLevel);
            logger.addAppender(jsonFile(context, logDir, channel.fileName(), redactor));
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel);
        root.addAppender(jsonFile(context, logDir, EventChannel.GENERAL_FILE, redactor));
        root.addAppender(console(context, redactor));
    }

    /**
     * Turns the trading journals (decisions, orders, fills, balances) off for the rest of the process.
     * A backtest reports its orders and fills at the end; a JSON line per simulated order would be
     * disk I/O inside the simulation, and would mix simulated trades into the real journals.
     */
    public static synchronized void silenceTradingJournals() {
        LoggerContext context = loggerContext();
        for (EventChannel channel : EventChannel.values()) {
            if (channel != EventChannel.SAFETY) {
                context.getLogger(channel.loggerName()).setLevel(Level.OFF);
            }
        }
    }

    /** Flushes and closes every log file; call once at exit. Logging after this is discarded. */
    public static synchronized void shutdown() {
        loggerContext().stop();
    }

    private static Level parseLevel(String level) {
        String name = Objects.requireNonNull(level, "level").trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(name)) {
            throw new IllegalArgumentException("log level must be one of " + LEVELS + ", got: " + level);
        }
        return Level.toLevel(name);
    }

    private static void createDirectories(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create log directory " + logDir, e);
        }
    }

    private static LoggerContext loggerContext() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            return context;
        }
        throw new IllegalStateException(
                "Logback is not the SLF4J backend: " + factory.getClass().getName());
    }

    private static Appender<ILoggingEvent> jsonFile(LoggerContext context, Path dir, String name, Redactor redactor) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setTimeZone("UTC");
        encoder.setLineSeparator("UNIX");
        encoder.setJsonGeneratorDecorator(RedactingJsonGenerator.decorator(redactor));
        start(encoder, context, name + " encoder");

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setFile(dir.resolve(name + ".jsonl").toString());
        appender.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(
                dir.resolve(name + "-%d{yyyy-MM-dd,UTC}.%i.jsonl.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        policy.setMaxHistory(MAX_HISTORY_DAYS);
        policy.setTotalSizeCap(FileSize.valueOf(TOTAL_SIZE_CAP));
        start(policy, context, name + " rolling policy");

        appender.setRollingPolicy(policy);
        start(appender, context, name + " appender");
        return appender;
    }

    private static Appender<ILoggingEvent> console(LoggerContext context, Redactor redactor) {
        RedactingConsoleLayout layout = new RedactingConsoleLayout(redactor);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ThresholdFilter warnAndAbove = new ThresholdFilter();
        warnAndAbove.setLevel(Level.WARN.levelStr);
        warnAndAbove.start();

        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.addFilter(warnAndAbove);
        LibraryConsoleFilter quietLibraries = new LibraryConsoleFilter();
        quietLibraries.setContext(context);
        quietLibraries.start();
        appender.addFilter(quietLibraries);
        start(appender, context, "stderr appender");
        return appender;
    }

    private static void start(LifeCycle component, LoggerContext context, String what) {
        component.start();
        if (!component.isStarted()) {
            String errors = context.getStatusManager().getCopyOfStatusList().stream()
                    .filter(status -> status.getOrigin() == component && status.getLevel() == Status.ERROR)
                    .map(Status::getMessage)
                    .collect(Collectors.joining("; "));
            throw new IllegalStateException("cannot start " + what + ": " + errors);
        }
    }
}
