package io.cointrader.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.logstash.logback.decorate.JsonGeneratorDecorator;

/**
 * A JSON generator that passes every piece of text it writes through a {@link Redactor}: field
 * names, string values (however they are handed in), raw values and the text form of numbers.
 *
 * <p>logstash-logback-encoder's own {@code MaskingJsonGenerator} is not used because it lets field
 * names, raw values, {@code String[]} arrays and {@code Reader} strings through unmasked. Objects
 * handed to {@link #writeObject} are serialized back through this generator (delegate copy methods
 * are off), so nested map and record values are redacted too.
 *
 * <p>A number is written unchanged unless its digits contain a registered secret (a numeric master
 * code, say); then the redacted text is written as a JSON string.
 */
final class RedactingJsonGenerator extends JsonGeneratorDelegate {

    private final Redactor redactor;

    RedactingJsonGenerator(JsonGenerator delegate, Redactor redactor) {
        super(delegate, false);
        this.redactor = redactor;
    }

    /**
     * The decorator the JSON encoders use: BigDecimal values as plain numbers (never scientific
     * notation), all text redacted.
     */
    static JsonGeneratorDecorator decorator(Redactor redactor) {
        return generator -> new RedactingJsonGenerator(
                generator.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature()), redactor);
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        delegate.writeFieldName(redactor.redact(name));
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        writeFieldName(name.getValue());
    }

    @Override
    public void writeString(String text) throws IOException {
        delegate.writeString(redactor.redact(text));
    }

    @Override
    public void writeString(char[] text, int offset, int len) throws IOException {
        writeString(new String(text, offset, len));
    }

    @Override
    public void writeString(SerializableString text) throws IOException {
        writeString(text.getValue());
    }

    @Override
    public void writeString(Reader reader, int len) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        int remaining = len < 0 ? Integer.MAX_VALUE : len;
        int read;
        while (remaining > 0 && (read = reader.read(buffer, 0, Math.min(buffer.length, remaining))) != -1) {
            text.append(buffer, 0, read);
            remaining -= read;
        }
        writeString(text.toString());
    }

    @Override
    public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
        writeString(new String(text, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int length) throws IOException {
        writeString(new String(text, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void writeArray(String[] array, int offset, int length) throws IOException {
        writeStartArray(array, length);
        for (int i = offset; i < offset + length; i++) {
            writeString(array[i]);
        }
        writeEndArray();
    }

    @Override
    public void writeRaw(String text) throws IOException {
        delegate.writeRaw(redactor.redact(text));
    }

    @Override
    public void writeRaw(String text, int offset, int len) throws IOException {
        writeRaw(text.substring(offset, offset + len));
    }

    @Override
    public void writeRaw(char[] text, int offset, int len) throws IOException {
        writeRaw(new String(text, offset, len));
    }

    @Override
    public void writeRaw(SerializableString raw) throws IOException {
        writeRaw(raw.getValue());
    }

    @Override
    public void writeRawValue(String text) throws IOException {
        delegate.writeRawValue(redactor.redact(text));
    }

    @Override
    public void writeRawValue(String text, int offset, int len) throws IOException {
        writeRawValue(text.substring(offset, offset + len));
    }

    @Override
    public void writeRawValue(char[] text, int offset, int len) throws IOException {
        writeRawValue(new String(text, offset, len));
    }

    @Override
    public void writeNumber(String encodedValue) throws IOException {
        String redacted = redactor.redact(encodedValue);
        if (redacted != null && !redacted.equals(encodedValue)) {
            delegate.writeString(redacted);
        } else {
            delegate.writeNumber(encodedValue);
        }
    }

    @Override
    public void writeNumber(char[] encodedValue, int offset, int len) throws IOException {
        writeNumber(new String(encodedValue, offset, len));
    }

    @Override
    public void writeNumber(BigDecimal value) throws IOException {
        if (value == null || !writeIfRedacted(value.toPlainString())) {
            delegate.writeNumber(value);
        }
    }

    @Override
    public void writeNumber(BigInteger value) throws IOException {
        if (value == null || !writeIfRedacted(value.toString())) {
            delegate.writeNumber(value);
        }
    }

    @Override
    public void writeNumber(long value) throws IOException {
        if (!writeIfRedacted(Long.toString(value))) {
            delegate.writeNumber(value);
        }
    }

    @Override
    public void writeNumber(int value) throws IOException {
        writeNumber((long) value);
    }

    @Override
    public void writeNumber(short value) throws IOException {
        writeNumber((long) value);
    }

    @Override
    public void writeNumber(double value) throws IOException {
        if (!writeIfRedacted(Double.toString(value))) {
            delegate.writeNumber(value);
        }
    }

    @Override
    public void writeNumber(float value) throws IOException {
        if (!writeIfRedacted(Float.toString(value))) {
            delegate.writeNumber(value);
        }
    }

    /** Writes the redacted form as a string and returns true if redaction changed the text. */
    private boolean writeIfRedacted(String text) throws IOException {
        String redacted = redactor.redact(text);
        if (redacted.equals(text)) {
            return false;
        }
        delegate.writeString(redacted);
        return true;
    }
}
