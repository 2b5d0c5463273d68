package io.cointrader.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdviceParserTest {

    private static final String VALID =
            "{\"action\":\"BUY_CONSIDER\",\"confidence\":0.62,\"reasoning\":\"RSI recovering\",\"risk_notes\":\"thin book\"}";

    @Test
    void readsABareObject() {
        assertThat(AdviceParser.parse(VALID))
                .contains(new Advisor.Advice("BUY_CONSIDER", 0.62, "RSI recovering", "thin book"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"```json\n%s\n```", "```\n%s\n```", "  \n```JSON\n%s\n```\n\n", "```json %s```", "\n\t%s \n"})
    void readsTheObjectInsideOneFenceOrSurroundedByWhitespace(String shape) {
        assertThat(AdviceParser.parse(shape.formatted(VALID)))
                .map(Advisor.Advice::action)
                .contains("BUY_CONSIDER");
    }

    @Test
    void acceptsWholeNumberConfidenceAtTheBounds() {
        assertThat(AdviceParser.parse(VALID.replace("0.62", "1")))
                .map(Advisor.Advice::confidence)
                .contains(1.0);
        assertThat(AdviceParser.parse(VALID.replace("0.62", "0")))
                .map(Advisor.Advice::confidence)
                .contains(0.0);
    }

    @Test
    void acceptsTextsAtTheirLimits() {
        String json = advice("HOLD", 0.5, "가".repeat(500), "x".repeat(300));

        assertThat(AdviceParser.parse(json)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "null",
                "[]",
                "\"HOLD\"",
                "Here is my advice: %s",
                "%s\nHope this helps.",
                "```json\n%s\n```\nThat is all.",
                "Sure!\n```json\n%s\n```",
                "```json\n%s\n```\n```json\n%s\n```",
                "```json\n%s",
                "%s %s",
                "{\"action\":\"HOLD\",\"confidence\":0.5,\"reasoning\":\"r\",\"risk_notes\":\"n\"",
                "{\"action\":\"HOLD\",\"confidence\":\"0.5\",\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{\"action\":\"HOLD\",\"confidence\":1.01,\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{\"action\":\"HOLD\",\"confidence\":-0.01,\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{\"action\":\"HOLD\",\"confidence\":NaN,\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{\"action\":\"HOLD\",\"confidence\":1e400,\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{\"action\":\"HOLD\",\"confidence\":null,\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{\"action\":\"BUY\",\"confidence\":0.5,\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{\"action\":\"hold\",\"confidence\":0.5,\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{\"action\":1,\"confidence\":0.5,\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{\"action\":\"HOLD\",\"confidence\":0.5,\"reasoning\":[\"r\"],\"risk_notes\":\"n\"}",
                "{\"action\":\"HOLD\",\"confidence\":0.5,\"reasoning\":\"r\",\"risk_notes\":null}",
                "{\"action\":\"HOLD\",\"confidence\":0.5,\"reasoning\":\"r\"}",
                "{\"action\":\"HOLD\",\"confidence\":0.5,\"reasoning\":\"r\",\"risk_notes\":\"n\",\"extra\":1}",
                "{\"action\":\"HOLD\",\"confidence\":0.5,\"reasoning\":\"r\",\"reasoning\":\"n\"}",
                "{\"action\":\"HOLD\",\"action\":\"SELL_CONSIDER\",\"confidence\":0.5,\"reasoning\":\"r\",\"risk_notes\":\"n\"}",
                "{'action':'HOLD','confidence':0.5,'reasoning':'r','risk_notes':'n'}",
                "{\"action\":\"HOLD\",/* c */\"confidence\":0.5,\"reasoning\":\"r\",\"risk_notes\":\"n\"}"
            })
    void rejectsAnythingButOneStrictAdviceObject(String shape) {
        assertThat(AdviceParser.parse(shape.replace("%s", VALID))).isEmpty();
    }

    @Test
    void rejectsANegativeConfidenceEvenWhenItIsTooSmallForADouble() {
        assertThat(AdviceParser.parse(VALID.replace("0.62", "-1E-999999"))).isEmpty();
        assertThat(AdviceParser.parse(VALID.replace("0.62", "1E+2147483648"))).isEmpty();
        assertThat(AdviceParser.parse(VALID.replace("0.62", "-0.0")))
                .map(Advisor.Advice::confidence)
                .contains(0.0);
    }

    @Test
    void rejectsTextsOverTheirLimits() {
        assertThat(AdviceParser.parse(advice("HOLD", 0.5, "x".repeat(501), "n")))
                .isEmpty();
        assertThat(AdviceParser.parse(advice("HOLD", 0.5, "r", "x".repeat(301))))
                .isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(AdviceParser.parse(null)).isEmpty();
    }

    @Property
    void neverThrowsOnArbitraryText(@ForAll String text) {
        assertThat(AdviceParser.parse(text)).isNotNull();
    }

    @Property
    void neverThrowsOnTextThatLooksLikeJson(@ForAll("jsonish") String text) {
        assertThat(AdviceParser.parse(text)).isNotNull();
    }

    @Property
    void aValidObjectAlwaysParsesToItsOwnValues(@ForAll("advice") Advisor.Advice advice) {
        Optional<Advisor.Advice> parsed = AdviceParser.parse(advice(advice));

        assertThat(parsed).contains(advice);
    }

    @Property
    void aValidObjectAfterProseIsRejected(@ForAll("advice") Advisor.Advice advice, @ForAll("prose") String prose) {
        assertThat(AdviceParser.parse(prose + advice(advice))).isEmpty();
        assertThat(AdviceParser.parse(prose + "\n```json\n" + advice(advice) + "\n```"))
                .isEmpty();
    }

    @Provide
    Arbitrary<Advisor.Advice> advice() {
        return Combinators.combine(
                        Arbitraries.of("HOLD", "BUY_CONSIDER", "SELL_CONSIDER"),
                        Arbitraries.doubles().between(0.0, 1.0),
                        Arbitraries.strings().ofMaxLength(500),
                        Arbitraries.strings().ofMaxLength(300))
                .as(Advisor.Advice::new);
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(80).filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings()
                .withChars("{}[]\":,`0123456789.eE-+ \n\tactionHOLDjsnul")
                .ofMaxLength(200);
    }

    private static String advice(Advisor.Advice a) {
        return advice(a.action(), a.confidence(), a.reasoning(), a.riskNotes());
    }

    private static String advice(String action, double confidence, String reasoning, String riskNotes) {
        ObjectNode node = ProviderHttp.JSON.createObjectNode();
        node.put("action", action);
        node.put("confidence", confidence);
        node.put("reasoning", reasoning);
        node.put("risk_notes", riskNotes);
        return node.toString();
    }
}
