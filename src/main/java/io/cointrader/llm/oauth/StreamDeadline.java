package io.cointrader.llm.oauth;

import io.cointrader.llm.LlmException;
import io.cointrader.llm.LlmException.Kind;
import io.cointrader.llm.LlmReply;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds the reading of a response stream by a total time and by the longest silence between two
 * reads. The read runs on a daemon thread; on a timeout it is interrupted and the stream closed, which
 * releases the connection. Elapsed time is measured with {@link System#nanoTime()}: this is a
 * watchdog on a socket, not a business rule, so it does not use the injected clock.
 */
final class StreamDeadline {

    @FunctionalInterface
    interface Body {
        LlmReply read(InputStream in) throws IOException;
    }

    private final long totalNanos;
    private final long idleNanos;
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "codex-stream-reader");
        thread.setDaemon(true);
        return thread;
    });

    StreamDeadline(Duration total, Duration idle) {
        this.totalNanos = total.toNanos();
        this.idleNanos = idle.toNanos();
    }

    LlmReply read(InputStream in, Body body) {
        long start = System.nanoTime();
        ActivityStream stream = new ActivityStream(in, start);
        Future<LlmReply> reading = readers.submit(() -> {
            try (stream) {
                return body.read(stream);
            }
        });
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = Math.min(start + totalNanos - now, stream.lastActivity + idleNanos - now);
                if (wait <= 0) {
                    abort(reading, stream);
                    boolean total = now - start >= totalNanos;
                    throw new LlmException(
                            Kind.TIMEOUT,
                            total
                                    ? "the Codex answer took longer than "
                                            + Duration.ofNanos(totalNanos).toSeconds() + " s"
                                    : "the Codex stream was silent for "
                                            + Duration.ofNanos(idleNanos).toMillis() + " ms");
                }
                try {
                    return reading.get(wait, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Loop: the deadline is recomputed from the last activity.
                }
            }
        } catch (InterruptedException e) {
            abort(reading, stream);
            Thread.currentThread().interrupt();
            throw new LlmException(Kind.TIMEOUT, "interrupted while reading the Codex stream");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LlmException llm) {
                throw llm;
            }
            if (cause instanceof IOException) {
                throw new LlmException(
                        Kind.TIMEOUT,
                        "the Codex stream broke: " + cause.getClass().getSimpleName());
            }
            throw new LlmException(
                    Kind.MALFORMED,
                    "the Codex stream could not be read: " + cause.getClass().getSimpleName());
        }
    }

    private static void abort(Future<LlmReply> reading, InputStream stream) {
        reading.cancel(true);
        try {
            stream.close();
        } catch (IOException e) {
            // Closing only to release the connection.
        }
    }

    /** Remembers when bytes last arrived. */
    private static final class ActivityStream extends FilterInputStream {

        volatile long lastActivity;

        ActivityStream(InputStream in, long start) {
            super(in);
            this.lastActivity = start;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            lastActivity = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            lastActivity = System.nanoTime();
            return n;
        }
    }
}
