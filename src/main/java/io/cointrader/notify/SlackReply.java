package io.cointrader.notify;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** What Slack answered to one webhook POST, and what the sender should do about it. */
record SlackReply(int status, String errorCode, Optional<Duration> retryAfter) {

    /** Slack's error bodies are short snake_case codes; anything else is not repeated in logs. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    enum Verdict {
        DELIVERED,
        RATE_LIMITED,
        TRANSIENT,
        REJECTED,
        PERMANENT
    }

    static SlackReply of(int status, String body, Optional<String> retryAfterHeader) {
        String code = status == 200 && isOk(body) ? "" : errorCode(body);
        return new SlackReply(status, code, retryAfterHeader.flatMap(SlackReply::seconds));
    }

    Verdict verdict() {
        if (status == 200) {
            return errorCode.isEmpty() ? Verdict.DELIVERED : Verdict.REJECTED;
        }
        if (status == 429) {
            return Verdict.RATE_LIMITED;
        }
        if (status == 403 || status == 404 || status == 410) {
            return Verdict.PERMANENT;
        }
        if (status >= 500) {
            return Verdict.TRANSIENT;
        }
        return Verdict.REJECTED;
    }

    /** "HTTP 404 no_service", for log lines. */
    String describe() {
        return "HTTP " + status + (errorCode.isEmpty() ? "" : " " + errorCode);
    }

    static boolean isOk(String body) {
        return body != null && body.strip().equals("ok");
    }

    static String errorCode(String body) {
        String stripped = body == null ? "" : body.strip();
        if (stripped.isEmpty()) {
            return "empty_reply";
        }
        return CODE.matcher(stripped).matches() ? stripped : "unrecognised_reply";
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
