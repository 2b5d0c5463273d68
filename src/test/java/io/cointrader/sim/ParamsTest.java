package io.cointrader.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void queryIsHashedDecodedInArrivalOrder() {
        Params params =
                Params.ofQuery("market=KRW-BTC&to=2025-06-24T13%3A56%3A53%2B09%3A00&states%5B%5D=wait&states[]=done");

        assertThat(params.hashSource())
                .isEqualTo("market=KRW-BTC&to=2025-06-24T13:56:53+09:00&states[]=wait&states[]=done");
        assertThat(params.all("states[]")).containsExactly("wait", "done");
        assertThat(params.first("to")).hasValue("2025-06-24T13:56:53+09:00");
    }

    @Test
    void rawPlusInTheQueryReadsAsASpaceAsOnUpbit() {
        assertThat(Params.ofQuery("to=2025-06-24T13:56:53+09:00").first("to")).hasValue("2025-06-24T13:56:53 09:00");
    }

    @Test
    void bodyFieldsKeepBodyOrderAndTheNumberTextAsSent() {
        Params params = Params.ofJsonBody(
                bytes(
                        "{\"market\":\"KRW-BTC\",\"volume\":1e-8,\"price\":100000000.0,\"uuids\":[\"a\",\"b\"],\"smp_type\":null}"));

        assertThat(params.hashSource()).isEqualTo("market=KRW-BTC&volume=1e-8&price=100000000.0&uuids[]=a&uuids[]=b");
        assertThat(params.has("smp_type")).isFalse();
    }

    @Test
    void emptyBodyHasNoParameters() {
        assertThat(Params.ofJsonBody(new byte[0]).isEmpty()).isTrue();
        assertThat(Params.ofQuery(null).isEmpty()).isTrue();
    }

    @Test
    void rejectsBodiesThatAreNotOneFlatObject() {
        for (String body : List.of("[1]", "{\"a\":{\"b\":1}}", "{\"a\":1} {}", "{\"a\":", "market=KRW-BTC")) {
            assertThatThrownBy(() -> Params.ofJsonBody(bytes(body)))
                    .as(body)
                    .isInstanceOfSatisfying(
                            ApiError.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Property
    void encodedQueryHashesLikeTheUnencodedPairs(
            @ForAll @Size(min = 1, max = 6)
                    List<@NotEmpty @StringLength(max = 12) @CharRange(from = ' ', to = '~') String> values) {
        List<String> encoded = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            encoded.add("k" + i + "=" + URLEncoder.encode(values.get(i), StandardCharsets.UTF_8));
            plain.add("k" + i + "=" + values.get(i));
        }

        assertThat(Params.ofQuery(String.join("&", encoded)).hashSource()).isEqualTo(String.join("&", plain));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
