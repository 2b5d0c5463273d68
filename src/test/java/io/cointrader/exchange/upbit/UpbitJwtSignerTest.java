package io.cointrader.exchange.upbit;

import static io.cointrader.exchange.upbit.JwtCheck.verifiedClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Secret;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class UpbitJwtSignerTest {

    private static final String ACCESS = "AkEyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    private static final String SECRET = "sEcReT1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q";
    private static final UpbitCredentials CREDENTIALS = new UpbitCredentials(Secret.of(ACCESS), Secret.of(SECRET));

    private static UpbitJwtSigner signer(String nonce) {
        return new UpbitJwtSigner(CREDENTIALS, () -> nonce);
    }

    @Test
    void headerIsHs512JwtAndTheSignatureVerifiesWithTheRawSecret() {
        String token = signer("n-1").token("market=KRW-BTC");

        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
        assertThat(token).doesNotContain("=");
        JsonNode claims = verifiedClaims("Bearer " + token, SECRET);
        assertThat(claims.get("access_key").asText()).isEqualTo(ACCESS);
        assertThat(claims.get("nonce").asText()).isEqualTo("n-1");
        assertThat(claims.get("query_hash").asText()).isEqualTo(JwtCheck.sha512Hex("market=KRW-BTC"));
        assertThat(claims.get("query_hash_alg").asText()).isEqualTo("SHA512");
    }

    @Test
    void withoutParametersThereIsNoQueryHash() {
        JsonNode claims = verifiedClaims("Bearer " + signer("n-2").token(""), SECRET);

        assertThat(JwtCheck.fieldNames(claims)).containsExactly("access_key", "nonce");
    }

    @Test
    void aWrongSecretDoesNotVerify() {
        String token = signer("n-3").token("");

        assertThatThrownBy(() -> verifiedClaims("Bearer " + token, SECRET + "x"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void queryHashIsLowercaseHexSha512() {
        // FIPS 180-2 test vector for "abc"
        assertThat(UpbitJwtSigner.sha512Hex("abc"))
                .isEqualTo("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    }

    @Test
    void sameNonceAndParametersGiveTheSameTokenAndAnotherNonceAnother() {
        assertThat(signer("n-4").token("a=1")).isEqualTo(signer("n-4").token("a=1"));
        assertThat(signer("n-4").token("a=1")).isNotEqualTo(signer("n-5").token("a=1"));
        assertThat(signer("n-4").token("a=1")).isNotEqualTo(signer("n-4").token("a=2"));
    }

    @Test
    void aNonceSourceThatGivesNothingIsAnError() {
        assertThatThrownBy(() -> signer(" ").token("")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> signer(null).token("")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void credentialsAndSignerNeverPrintTheKeys() {
        assertThat(CREDENTIALS.toString()).doesNotContain(ACCESS, SECRET).contains("***");
        assertThat(signer("n").toString()).doesNotContain(ACCESS, SECRET);
        assertThatThrownBy(() -> new UpbitCredentials(Secret.of(" "), Secret.of(SECRET)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void redactMasksKeysTokenAndItsParts() {
        UpbitJwtSigner signer = signer("n-6");
        String token = signer.token("");
        String[] parts = token.split("\\.");
        String text = "key " + ACCESS + " secret " + SECRET + " token " + token + " sig " + parts[2] + " p " + parts[1];

        String redacted = signer.redact(text, token);

        assertThat(redacted).doesNotContain(ACCESS, SECRET, token, parts[1], parts[2]);
        assertThat(redacted).startsWith("key *** secret *** token ***");
    }

    @Property
    void theWireQueryDecodesToExactlyTheHashedString(@ForAll("params") List<UpbitRequest.Param> params) {
        UpbitRequest request = UpbitRequest.get("/v1/orders/closed", RateGroup.DEFAULT, params);

        assertThat(URLDecoder.decode(request.rawQuery(), StandardCharsets.UTF_8))
                .isEqualTo(request.hashSource());
        assertThat(request.rawQuery()).doesNotContain("+", " ", "[", ":");
    }

    @Property
    void thePostBodyHasTheFieldsOfTheHashInTheSameOrder(@ForAll("params") List<UpbitRequest.Param> params)
            throws IOException {
        Map<String, UpbitRequest.Param> unique = new LinkedHashMap<>();
        params.forEach(p -> unique.putIfAbsent(p.name(), p));
        List<UpbitRequest.Param> fields = List.copyOf(unique.values());
        UpbitRequest request = UpbitRequest.post("/v1/orders", RateGroup.ORDER, fields);

        JsonNode body = new ObjectMapper().readTree(request.jsonBody());
        List<String> rendered = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            rendered.add(field.getKey() + "=" + field.getValue().textValue());
        }
        assertThat(String.join("&", rendered)).isEqualTo(request.hashSource());
    }

    @Provide
    Arbitrary<List<UpbitRequest.Param>> params() {
        Arbitrary<String> names = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('_')
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> values = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('가', '힣')
                .ofMaxLength(30);
        return names.flatMap(n -> values.map(v -> new UpbitRequest.Param(n, v)))
                .list()
                .ofMaxSize(8);
    }
}
