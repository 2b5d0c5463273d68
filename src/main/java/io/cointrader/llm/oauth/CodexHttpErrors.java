package io.cointrader.llm.oauth;

import io.cointrader.core.Secret;
import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Set;

/** Classifies a non-2xx answer of the Codex backend. */
final class CodexHttpErrors {

    /** Plan exhaustion; the backend sometimes sends it as 404 rather than 429. */
    private static final Set<String> QUOTA_CODES =
            Set.of("usage_limit_reached", "usage_not_included", "insufficient_quota");

    private CodexHttpErrors() {}

    static LlmException of(int status, String body, HttpHeaders headers, Secret... secrets) {
        ErrorBody error = ErrorBody.parse(body);
        String detail = "HTTP " + status + (error.summary(secrets).isEmpty() ? "" : ": " + error.summary(secrets));
        boolean quota = QUOTA_CODES.contains(error.code())
                || QUOTA_CODES.stream().anyMatch(code -> body.contains("\"" + code + "\""));
        if ((status == 404 || status == 429) && quota) {
            return new LlmException(Kind.QUOTA_EXHAUSTED, "the ChatGPT plan's Codex usage is used up (" + detail + ")");
        }
        if (status == 429) {
            return new LlmException(
                    Kind.RATE_LIMITED,
                    "the Codex backend is rate limiting (" + detail + ")",
                    retryAfter(headers),
                    null);
        }
        if (status == 401 || status == 403) {
            return new LlmException(Kind.AUTH, "the Codex backend refused the login (" + detail + ")");
        }
        if (status >= 500) {
            return new LlmException(Kind.UNAVAILABLE, "the Codex backend is unavailable (" + detail + ")");
        }
        return new LlmException(Kind.BAD_REQUEST, "the Codex backend rejected the request (" + detail + ")");
    }

    private static Duration retryAfter(HttpHeaders headers) {
        return headers.firstValue("retry-after")
                .filter(value -> value.matches("[0-9]{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .orElse(null);
    }
}
