package io.cointrader.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.config.SettingSources.Raw;
import io.cointrader.core.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** TRADING_SYMBOLS: a JSON array of strings or a comma list of {@code BASE/QUOTE} pairs. */
final class SymbolList {

    static final String ALLOWED = "a JSON array such as [\"BTC/KRW\",\"ETH/KRW\"] or a comma list such as"
            + " BTC/KRW, ETH/KRW; at least one pair, none twice, quote currency KRW";

    private static final String QUOTE_CURRENCY = "KRW";

    private SymbolList() {}

    static List<Symbol> parse(Raw raw) {
        List<String> entries = raw.text().startsWith("[") ? jsonEntries(raw) : commaEntries(raw);
        if (entries.isEmpty()) {
            throw problem(raw, "names no pair");
        }
        Set<Symbol> symbols = new LinkedHashSet<>();
        for (String entry : entries) {
            Symbol symbol = symbol(entry, raw);
            if (!QUOTE_CURRENCY.equals(symbol.quote())) {
                throw problem(raw, "has " + OneLine.quote(entry) + ", which is not a KRW market");
            }
            if (!symbols.add(symbol)) {
                throw problem(raw, "names " + symbol + " twice");
            }
        }
        return List.copyOf(symbols);
    }

    private static List<String> jsonEntries(Raw raw) {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode tree;
        try {
            tree = json.readTree(raw.text());
        } catch (JsonProcessingException e) {
            throw problem(raw, "is not a valid JSON array");
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode node : tree) {
            if (!node.isTextual()) {
                throw problem(raw, "has a JSON entry that is not a string");
            }
            entries.add(node.textValue());
        }
        return entries;
    }

    private static List<String> commaEntries(Raw raw) {
        List<String> entries = new ArrayList<>();
        String[] parts = raw.text().split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw problem(raw, "has an empty entry at position " + (i + 1));
            }
            entries.add(parts[i].strip());
        }
        return entries;
    }

    private static Symbol symbol(String entry, Raw raw) {
        try {
            return Symbol.parse(entry);
        } catch (IllegalArgumentException e) {
            throw problem(raw, "has " + OneLine.quote(entry) + ", which is not of the form BASE/QUOTE");
        }
    }

    private static ConfigException problem(Raw raw, String what) {
        return new ConfigException(
                Variable.TRADING_SYMBOLS.name(), "the value (from " + raw.origin() + ") " + what, ALLOWED);
    }
}
