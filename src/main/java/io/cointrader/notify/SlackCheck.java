package io.cointrader.notify;

/**
 * The outcome of one synchronous test message, for {@code trader selftest --notify}.
 *
 * @param ok Slack answered HTTP 200 with {@code ok}
 * @param httpStatus the HTTP status, or 0 when no reply came
 * @param slackError Slack's short error code ({@code no_service}, {@code invalid_payload}, ...), or
 *     empty
 * @param exceptionClass simple name of the exception when no reply came, or empty
 */
public record SlackCheck(boolean ok, int httpStatus, String slackError, String exceptionClass) {

    static SlackCheck replied(int status, String body) {
        boolean ok = status == 200 && SlackReply.isOk(body);
        return new SlackCheck(ok, status, ok ? "" : SlackReply.errorCode(body), "");
    }

    static SlackCheck failed(Throwable failure) {
        return new SlackCheck(false, 0, "", failure.getClass().getSimpleName());
    }

    /** One line for the console; never contains the webhook URL. */
    public String describe() {
        if (ok) {
            return "Slack test message delivered (HTTP 200 ok)";
        }
        if (httpStatus == 0) {
            return "Slack test message not delivered: " + exceptionClass;
        }
        return "Slack test message rejected: HTTP " + httpStatus + (slackError.isEmpty() ? "" : " " + slackError);
    }
}
