package io.cointrader.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's reply as advice, strictly: exactly {@code action}, {@code confidence}, {@code
 * reasoning} and {@code risk_notes}, with the right types and bounds, as a bare JSON object or inside
 * one code fence ({@code ```} or {@code ```json}). Anything else, including prose around the object,
 * is no advice: a model that does not follow the format is not trusted to have followed the rest.
 */
public final class AdviceParser {

    public static final int MAX_REASONING = 500;
    public static final int MAX_RISK_NOTES = 300;

    private static final Set<String> ACTIONS = Set.of("HOLD", "BUY_CONSIDER", "SELL_CONSIDER");
    private static final Set<String> FIELDS = Set.of("action", "confidence", "reasoning", "risk_notes");
    /** A long reply cannot be a valid advice object; refuse before parsing it. */
    private static final int MAX_REPLY = 4 * (MAX_REASONING + MAX_RISK_NOTES) + 2_000;

    private static final Pattern FENCE = Pattern.compile("```(?i:json)?(.*)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // exact numbers: a tiny negative confidence must not round to -0.0 and pass as zero
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private AdviceParser() {}

    /** Never throws: a null, empty or malformed reply is empty. */
    public static Optional<Advisor.Advice> parse(String reply) {
        if (reply == null || reply.length() > MAX_REPLY) {
            return Optional.empty();
        }
        String text = reply.strip();
        Matcher fence = FENCE.matcher(text);
        if (fence.matches()) {
            text = fence.group(1).strip();
        }
        if (!text.startsWith("{") || !text.endsWith("}")) {
            return Optional.empty();
        }
        try {
            return advice(JSON.readTree(text));
        } catch (JsonProcessingException | NumberFormatException e) {
            // NumberFormatException: a number Jackson cannot hold, e.g. 1E+2147483648
            return Optional.empty();
        }
    }

    private static Optional<Advisor.Advice> advice(JsonNode root) {
        if (root == null || !root.isObject() || root.size() != FIELDS.size()) {
            return Optional.empty();
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                return Optional.empty();
            }
        }
        JsonNode action = root.get("action");
        JsonNode confidence = root.get("confidence");
        JsonNode reasoning = root.get("reasoning");
        JsonNode riskNotes = root.get("risk_notes");
        if (!action.isTextual() || !ACTIONS.contains(action.asText())) {
            return Optional.empty();
        }
        if (!confidence.isNumber()
                || confidence.decimalValue().signum() < 0
                || confidence.decimalValue().compareTo(BigDecimal.ONE) > 0) {
            return Optional.empty();
        }
        if (!within(reasoning, MAX_REASONING) || !within(riskNotes, MAX_RISK_NOTES)) {
            return Optional.empty();
        }
        return Optional.of(
                new Advisor.Advice(action.asText(), confidence.doubleValue(), reasoning.asText(), riskNotes.asText()));
    }

    private static boolean within(JsonNode node, int maxChars) {
        return node.isTextual() && node.asText().codePointCount(0, node.asText().length()) <= maxChars;
    }
}
