package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cointrader.testing.Fuzz;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model replies, random and mutated from valid advice (fields removed, wrong types, huge or
 * non-numeric confidence, long texts, deep nesting, fences and prose, cut-off text): the parser never
 * throws, and whatever it accepts is within the allowed ranges.
 */
class AdviceParserFuzzProperties {

    private static final Set<String> ACTIONS = Set.of("HOLD", "BUY_CONSIDER", "SELL_CONSIDER");
    private static final List<String> VALID = List.of(
            "{\"action\":\"BUY_CONSIDER\",\"confidence\":0.62,\"reasoning\":\"RSI recovering\",\"risk_notes\":\"thin book\"}",
            "{\"action\":\"HOLD\",\"confidence\":1,\"reasoning\":\"\",\"risk_notes\":\"none\"}",
            "{\"action\":\"SELL_CONSIDER\",\"confidence\":0.0,\"reasoning\":\"추세 반전\",\"risk_notes\":\"변동성\"}");

    @Property(tries = 10_000)
    void aReplyIsDiscardedOrAdviceWithinTheAllowedRanges(@ForAll("replies") String reply) {
        Optional<Advisor.Advice> advice;
        try {
            advice = AdviceParser.parse(reply);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("the parser threw " + e + " for: " + reply, e);
        }

        assertThat(advice).isNotNull();
        advice.ifPresent(a -> {
            assertThat(a.action()).isIn(ACTIONS);
            assertThat(a.confidence()).isBetween(0.0, 1.0);
            assertThat(a.reasoning()).isNotNull();
            assertThat(a.reasoning().codePointCount(0, a.reasoning().length()))
                    .isLessThanOrEqualTo(AdviceParser.MAX_REASONING);
            assertThat(a.riskNotes()).isNotNull();
            assertThat(a.riskNotes().codePointCount(0, a.riskNotes().length()))
                    .isLessThanOrEqualTo(AdviceParser.MAX_RISK_NOTES);
        });
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> mutants = Fuzz.jsonMutants(VALID);
        Arbitrary<String> fenced = mutants.map(json -> "```json\n" + json + "\n```");
        Arbitrary<String> prose =
                net.jqwik.api.Combinators.combine(Fuzz.text(), mutants).as((text, json) -> text + json);
        return Arbitraries.oneOf(
                Fuzz.text().injectNull(0.01),
                Arbitraries.of(VALID),
                mutants,
                mutants,
                mutants,
                fenced,
                prose,
                Arbitraries.of(VALID).map(v -> v.replace("0.62", "NaN")),
                Arbitraries.of(VALID).map(v -> v.replace("thin book", "x".repeat(301))));
    }
}
