package io.cointrader.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class FernetProperties {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    @Property(tries = 200)
    void decryptsWhatItEncrypted(@ForAll @Size(32) byte[] key, @ForAll @Size(max = 300) byte[] message) {
        Fernet fernet = new Fernet(key, new SecureRandom(), CLOCK);

        assertThat(fernet.decrypt(fernet.encrypt(message))).isEqualTo(message);
    }

    @Property(tries = 200)
    void refusesATokenWithAnyBitFlipped(
            @ForAll @Size(32) byte[] key, @ForAll @Size(max = 100) byte[] message, @ForAll int position) {
        Fernet fernet = new Fernet(key, new SecureRandom(), CLOCK);
        byte[] raw = Base64.getUrlDecoder().decode(fernet.encrypt(message));
        int bit = Math.floorMod(position, raw.length * 8);
        raw[bit / 8] ^= (byte) (1 << (bit % 8));
        String changed = Base64.getUrlEncoder().encodeToString(raw);

        assertThatThrownBy(() -> fernet.decrypt(changed)).isInstanceOf(InvalidTokenException.class);
    }
}
