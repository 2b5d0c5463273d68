package io.cointrader.notify;

import io.cointrader.core.Severity;
import java.time.Instant;

/** One alert as handed to a notifier, stamped with the time it was raised. */
record Alert(Severity severity, String title, String text, Instant at) {

    Alert {
        severity = severity == null ? Severity.HIGH : severity;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
