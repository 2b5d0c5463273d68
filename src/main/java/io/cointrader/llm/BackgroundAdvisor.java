package io.cointrader.llm;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an advisor on a thread of its own, so that a slow or hanging model never holds up the trading
 * loop. Questions wait in a small queue with one place per symbol: a new question for a symbol whose
 * question is still waiting replaces it (the newer price and candle are what matter), and a question
 * for a new symbol while {@code capacity} symbols wait is dropped. Each answer that is advice is handed
 * to {@code onAdvice} on the asking thread as it arrives, with the question it answers.
 *
 * <p>{@link #close} does not wait for a call in flight: it interrupts the asking thread, which ends the
 * HTTP exchange, and waits at most {@link #STOP_WAIT} for it to end.
 */
public final class BackgroundAdvisor implements AdvisorQueue {

    /** The longest {@link #close} waits for the asking thread after interrupting it. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundAdvisor.class);

    private final Advisor advisor;
    private final BiConsumer<Advisor.Question, Advisor.Advice> onAdvice;
    private final int capacity;
    private final LinkedHashMap<String, Advisor.Question> waiting = new LinkedHashMap<>();
    private final Thread thread;
    private boolean closed;
    private boolean asking;
    private boolean warnedUnexpected;

    private BackgroundAdvisor(
            Advisor advisor,
            BiConsumer<Advisor.Question, Advisor.Advice> onAdvice,
            int capacity,
            ThreadFactory threads) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.onAdvice = Objects.requireNonNull(onAdvice, "onAdvice");
        this.capacity = capacity;
        this.thread = threads.newThread(this::run);
    }

    /**
     * Starts the asking thread (a daemon named {@code llm-advisor}).
     *
     * @param capacity most questions waiting at once; the number of traded symbols is enough
     */
    public static BackgroundAdvisor start(
            Advisor advisor, BiConsumer<Advisor.Question, Advisor.Advice> onAdvice, int capacity) {
        BackgroundAdvisor background = new BackgroundAdvisor(advisor, onAdvice, capacity, runnable -> {
            Thread t = new Thread(runnable, "llm-advisor");
            t.setDaemon(true);
            return t;
        });
        background.thread.start();
        return background;
    }

    @Override
    public void ask(Advisor.Question question) {
        synchronized (waiting) {
            if (closed) {
                return;
            }
            Advisor.Question older = waiting.remove(question.symbol());
            if (older != null) {
                LOG.debug(
                        "advisor busy: the question for {} asked at {} replaces the one asked at {}",
                        question.symbol(),
                        question.askedAt(),
                        older.askedAt());
            } else if (waiting.size() >= capacity) {
                LOG.debug("advisor busy: the question for {} is dropped ({} wait)", question.symbol(), capacity);
                return;
            }
            // put after remove: the queue stays in the order the questions were asked
            waiting.put(question.symbol(), question);
            waiting.notifyAll();
        }
    }

    @Override
    public void drain(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (waiting) {
            while ((asking || !waiting.isEmpty()) && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    waiting.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (waiting) {
            if (closed) {
                return;
            }
            closed = true;
            waiting.clear();
            waiting.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.debug(
                    "the advisor's call in flight did not end within {} ms; it ends on its own", STOP_WAIT.toMillis());
        }
        advisor.close();
    }

    /** Whether the asking thread has ended (after {@link #close}). */
    boolean stopped() {
        return !thread.isAlive();
    }

    private void run() {
        try {
            for (Advisor.Question question = next(); question != null; question = next()) {
                answer(question);
                synchronized (waiting) {
                    asking = false;
                    waiting.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            // closing: nothing more to ask
        }
    }

    private Advisor.Question next() throws InterruptedException {
        synchronized (waiting) {
            while (waiting.isEmpty() && !closed) {
                waiting.wait();
            }
            if (closed) {
                return null;
            }
            Iterator<Advisor.Question> oldest = waiting.values().iterator();
            Advisor.Question question = oldest.next();
            oldest.remove();
            asking = true;
            return question;
        }
    }

    private void answer(Advisor.Question question) {
        try {
            Optional<Advisor.Advice> advice = advisor.advise(question);
            if (advice.isPresent() && !isClosed()) {
                onAdvice.accept(question, advice.get());
            }
        } catch (RuntimeException e) {
            // a bug, not a provider failure (those are empty advice): say it once, keep the thread alive
            if (!warnedUnexpected) {
                warnedUnexpected = true;
                LOG.warn(
                        "advisor failed unexpectedly for {}; further such failures are logged at debug",
                        question.symbol(),
                        e);
            } else {
                LOG.debug("advisor failed unexpectedly for {}", question.symbol(), e);
            }
        }
    }

    private boolean isClosed() {
        synchronized (waiting) {
            return closed;
        }
    }
}
