package io.cointrader.security;

import java.security.SecureRandom;

/** A "random" source that hands out scripted bytes in order, for exact test vectors. */
final class FixedRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private int next;

    FixedRandom(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    static FixedRandom counting(int from, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (from + i);
        }
        return new FixedRandom(bytes);
    }

    @Override
    public void nextBytes(byte[] out) {
        if (next + out.length > bytes.length) {
            throw new IllegalStateException("the scripted random bytes are used up");
        }
        System.arraycopy(bytes, next, out, 0, out.length);
        next += out.length;
    }
}
