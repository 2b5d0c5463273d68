package io.cointrader.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cointrader.core.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anthropic Messages with an API key: {@code POST {base}/messages}, {@code x-api-key} and {@code
 * anthropic-version: 2023-06-01}, the system prompt as the top-level {@code system} field. The API has
 * no JSON mode, so the prompt asks for JSON and the caller validates it. One HTTP call per completion.
 */
public final class AnthropicClient implements LlmClient {

    static final String API_VERSION = "2023-06-01";

    private static final Logger LOG = LoggerFactory.getLogger(AnthropicClient.class);
    private static final int OVERLOADED = 529;

    private final ProviderHttp http;
    private final URI endpoint;
    private final String model;
    private final Clock clock;

    /**
     * @param baseUrl e.g. {@code https://api.anthropic.com/v1}
     * @param timeout bound on each HTTP exchange
     * @param clock reads HTTP-date {@code retry-after} values
     */
    public AnthropicClient(HttpClient http, URI baseUrl, Secret apiKey, String model, Duration timeout, Clock clock) {
        this.http = new ProviderHttp("anthropic", http, apiKey, timeout);
        this.endpoint = ProviderHttp.endpoint(baseUrl, "messages");
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LlmReply complete(LlmRequest request) {
        HttpResponse<String> response = http.post(
                HttpRequest.newBuilder(endpoint)
                        .header("x-api-key", http.key().reveal())
                        .header("anthropic-version", API_VERSION),
                body(request));
        String requestId = response.headers().firstValue("request-id").orElse(null);
        if (response.statusCode() / 100 == 2) {
            return reply(response.body(), requestId);
        }
        throw failure(response, ErrorBody.parse(response.body()), requestId);
    }

    @Override
    public String describe() {
        return "anthropic " + model;
    }

    private ObjectNode body(LlmRequest request) {
        ObjectNode body = ProviderHttp.JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", request.maxOutputTokens());
        body.put("system", request.system());
        body.putArray("messages").addObject().put("role", "user").put("content", request.user());
        return body;
    }

    private LlmReply reply(String body, String requestId) {
        JsonNode root = http.readBody(body, requestId);
        StringBuilder text = new StringBuilder();
        boolean anyText = false;
        for (JsonNode block : root.path("content")) {
            if (block.path("type").asText("").equals("text")
                    && block.path("text").isTextual()) {
                text.append(block.path("text").asText());
                anyText = true;
            }
        }
        String stop = root.path("stop_reason").asText("");
        if (!anyText) {
            throw http.malformed("the reply has no text (stop reason " + stop + ")", requestId);
        }
        if (stop.equals("refusal")) {
            throw http.malformed("the model refused", requestId);
        }
        JsonNode usage = root.path("usage");
        long in = Math.max(0, usage.path("input_tokens").asLong(0))
                + Math.max(0, usage.path("cache_creation_input_tokens").asLong(0))
                + Math.max(0, usage.path("cache_read_input_tokens").asLong(0));
        long out = Math.max(0, usage.path("output_tokens").asLong(0));
        LOG.debug("{} replied: stop {}, {} in / {} out tokens, request id {}", describe(), stop, in, out, requestId);
        return new LlmReply(text.toString(), stop.equals("max_tokens"), in, out, requestId);
    }

    private LlmException failure(HttpResponse<String> response, ErrorBody error, String requestId) {
        int status = response.statusCode();
        LlmException.Kind kind;
        boolean hinted = false;
        if (status == 402 || error.is("billing_error") || spendLimit(error) || lowCredit(status, error)) {
            kind = LlmException.Kind.QUOTA_EXHAUSTED;
        } else if (status == 429) {
            kind = LlmException.Kind.RATE_LIMITED;
            hinted = true;
        } else if (status == 401 || status == 403) {
            kind = LlmException.Kind.AUTH;
        } else if (status == 408) {
            kind = LlmException.Kind.TIMEOUT;
            hinted = true;
        } else if (status >= 500 || status == OVERLOADED) {
            kind = LlmException.Kind.UNAVAILABLE;
            hinted = true;
        } else {
            kind = LlmException.Kind.BAD_REQUEST;
        }
        Duration retryAfter =
                hinted ? RetryAfter.from(response.headers(), clock).orElse(null) : null;
        String message = http.message("HTTP " + status + " " + error.summary(), requestId);
        return new LlmException(kind, message, retryAfter, null);
    }

    /** The monthly spend cap: it does not clear by waiting. The message check backs up the code. */
    private static boolean spendLimit(ErrorBody error) {
        return error.code().equals("enforced_spend_limit_reached")
                || error.message().toLowerCase(Locale.ROOT).contains("spend limit");
    }

    /** Anthropic answers an empty prepaid balance with a 400 that speaks of the credit balance. */
    private static boolean lowCredit(int status, ErrorBody error) {
        return status == 400 && error.message().toLowerCase(Locale.ROOT).contains("credit balance");
    }
}
