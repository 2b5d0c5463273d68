package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.UpbitJson.array;
import static io.cointrader.exchange.upbit.UpbitJson.malformed;
import static io.cointrader.exchange.upbit.UpbitJson.object;
import static io.cointrader.exchange.upbit.UpbitJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.cointrader.core.Secret;
import io.cointrader.exchange.ApiKeyInfo;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser of {@code GET /v1/api_keys}: an array of {@code {access_key, expire_at}} (field names from
 * Upbit's reference and client transcriptions of it; the pocket variant spells the time {@code
 * expired_at}, which is read as well). The time format is not documented by example, so an ISO-8601
 * time with or without offset (without one it is Korean time, as Upbit shows it), a bare date (its
 * first moment in Korea, the earlier reading) and epoch milliseconds (number or digits) are all
 * accepted. Any other shape
 * is an {@link io.cointrader.exchange.ExchangeUnavailableException}.
 */
final class ApiKeysParser {

    private static final String WHAT = "api_keys";
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final int MAX_TIME_LENGTH = 64;

    private ApiKeysParser() {}

    static List<ApiKeyInfo> apiKeys(byte[] body) {
        List<ApiKeyInfo> out = new ArrayList<>();
        for (JsonNode entry : array(UpbitJson.read(body, WHAT), WHAT)) {
            object(entry, WHAT);
            JsonNode expiry = entry.has("expire_at") ? entry.get("expire_at") : entry.get("expired_at");
            out.add(new ApiKeyInfo(Secret.of(text(entry, "access_key", WHAT)), expiry(expiry)));
        }
        return out;
    }

    private static Instant expiry(JsonNode value) {
        if (value == null || value.isNull()) {
            throw malformed(WHAT, "expire_at missing");
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0) {
            return Instant.ofEpochMilli(value.longValue());
        }
        if (!value.isTextual()
                || value.textValue().isBlank()
                || value.textValue().length() > MAX_TIME_LENGTH) {
            throw malformed(WHAT, "expire_at is not a time");
        }
        String text = value.textValue().trim().replace(' ', 'T');
        try {
            if (text.matches("\\d{12,15}")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            if (text.length() == "yyyy-MM-dd".length()) {
                return LocalDate.parse(text).atStartOfDay(KST).toInstant();
            }
            if (hasOffset(text)) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(KST).toInstant();
        } catch (DateTimeException e) {
            throw malformed(WHAT, "expire_at is not an ISO-8601 time");
        }
    }

    /** {@code Z} or a {@code +hh:mm} / {@code -hh:mm} after the time part. */
    private static boolean hasOffset(String text) {
        int time = text.indexOf('T');
        return text.endsWith("Z") || (time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0));
    }
}
