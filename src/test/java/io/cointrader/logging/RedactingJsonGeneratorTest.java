package io.cointrader.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cointrader.core.Secret;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactingJsonGeneratorTest {

    private static final String SECRET = "CANARY-GEN-5f1c0b7e";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Redactor redactor = Redactor.withSecrets(List.of(Secret.of(SECRET), Secret.of("482913")));

    private interface Writes {
        void to(JsonGenerator generator) throws Exception;
    }

    private String write(Writes writes) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = RedactingJsonGenerator.decorator(redactor)
                .decorate(mapper.getFactory().createGenerator(out))) {
            writes.to(generator);
        }
        return out.toString();
    }

    @Test
    void redactsFieldNamesAndEveryWayOfWritingAString() throws Exception {
        String json = write(g -> {
            g.writeStartObject();
            g.writeStringField("plain", "a " + SECRET);
            g.writeFieldName("k" + SECRET);
            g.writeString(("c " + SECRET).toCharArray(), 0, SECRET.length() + 2);
            g.writeFieldName("reader");
            g.writeString(new StringReader("r " + SECRET), -1);
            g.writeFieldName("utf8");
            byte[] bytes = ("u " + SECRET).getBytes(StandardCharsets.UTF_8);
            g.writeUTF8String(bytes, 0, bytes.length);
            g.writeFieldName("array");
            g.writeArray(new String[] {SECRET, "ok"}, 0, 2);
            g.writeFieldName("raw");
            g.writeRawValue("\"w " + SECRET + "\"");
            g.writeEndObject();
        });

        assertThat(json)
                .doesNotContain(SECRET)
                .isEqualTo("{\"plain\":\"a ***\",\"k***\":\"c ***\",\"reader\":\"r ***\",\"utf8\":\"u ***\","
                        + "\"array\":[\"***\",\"ok\"],\"raw\":\"w ***\"}");
    }

    @Test
    void redactsValuesInsideSerializedObjects() throws Exception {
        String json = write(g -> g.writeObject(Map.of("outer", List.of(Map.of("inner", SECRET)))));

        assertThat(json).isEqualTo("{\"outer\":[{\"inner\":\"***\"}]}");
    }

    @Test
    void writesNumbersUnchangedUnlessTheyContainASecret() throws Exception {
        String json = write(g -> {
            g.writeStartArray();
            g.writeNumber(95_000_000L);
            g.writeNumber(new BigDecimal("1E-8"));
            g.writeNumber(2.5d);
            g.writeNumber(1482913L);
            g.writeNumber(new BigDecimal("482913.5"));
            g.writeEndArray();
        });

        assertThat(json).isEqualTo("[95000000,0.00000001,2.5,\"1***\",\"***.5\"]");
    }
}
