package io.cointrader.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.LayoutBase;
import java.util.Objects;

/**
 * One plain-text line per event for the terminal: {@code <UTC instant> <LEVEL> <logger> -
 * <message> | <exception class>: <message> | caused by: ...}, redacted, with line breaks escaped so
 * a message cannot forge extra lines. Stack frames are left out; the full trace is in the JSON log.
 *
 * <p>Public with a no-argument constructor so the bootstrap {@code logback.xml} can use it (with
 * pattern-only redaction) before {@link LogSetup} has run.
 */
public final class RedactingConsoleLayout extends LayoutBase<ILoggingEvent> {

    private static final int MAX_CAUSES = 8;

    private final Redactor redactor;

    /** Pattern-only redaction, for use before any secret is known. */
    public RedactingConsoleLayout() {
        this(new Redactor());
    }

    public RedactingConsoleLayout(Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        // Each part is redacted on its own so a header value at the end of the message cannot
        // swallow the exception text that follows it on the line.
        StringBuilder line = new StringBuilder(160)
                .append(event.getInstant())
                .append(' ')
                .append(event.getLevel())
                .append(' ')
                .append(redactor.redact(event.getLoggerName()))
                .append(" - ")
                .append(redactor.redact(event.getFormattedMessage()));
        IThrowableProxy throwable = event.getThrowableProxy();
        for (int depth = 0; throwable != null && depth <= MAX_CAUSES; depth++) {
            line.append(depth == 0 ? " | " : " | caused by: ").append(throwable.getClassName());
            if (throwable.getMessage() != null) {
                line.append(": ").append(redactor.redact(throwable.getMessage()));
            }
            throwable = throwable.getCause();
        }
        return escapeLineBreaks(line.toString()) + System.lineSeparator();
    }

    private static String escapeLineBreaks(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
    }
}
