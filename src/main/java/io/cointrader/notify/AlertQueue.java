package io.cointrader.notify;

import io.cointrader.core.Severity;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue of alerts that never blocks the producer. When full, the oldest INFO alert makes
 * room; with no INFO queued the oldest alert does, except that an incoming INFO alert is itself the
 * one dropped rather than push out a HIGH or CRITICAL one. Drops are counted and handed to the
 * consumer with the next alert so it can say how many were lost.
 */
final class AlertQueue {

    /** An alert taken from the queue, with the number dropped since the previous take. */
    record Taken(Alert alert, long droppedBefore) {}

    private final int capacity;
    private final ArrayDeque<Alert> alerts = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private long droppedSinceTake;
    private long droppedTotal;
    private boolean closed;

    AlertQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the alert, dropping one if full; false when the queue is closed. */
    boolean offer(Alert alert) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (alerts.size() >= capacity && !makeRoomFor(alert)) {
                countDrop();
                return true;
            }
            alerts.addLast(alert);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for an alert; null once the queue is closed and empty. */
    Taken take() throws InterruptedException {
        lock.lock();
        try {
            while (alerts.isEmpty()) {
                if (closed) {
                    return null;
                }
                notEmpty.await();
            }
            Taken taken = new Taken(alerts.removeFirst(), droppedSinceTake);
            droppedSinceTake = 0;
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting alerts; those queued can still be taken. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Discards every queued alert, counting them as dropped; returns how many. */
    int clear() {
        lock.lock();
        try {
            int discarded = alerts.size();
            alerts.clear();
            droppedTotal += discarded;
            return discarded;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return alerts.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Alerts dropped for lack of room (or discarded) since the queue was made. */
    long droppedTotal() {
        lock.lock();
        try {
            return droppedTotal;
        } finally {
            lock.unlock();
        }
    }

    private boolean makeRoomFor(Alert incoming) {
        for (Iterator<Alert> it = alerts.iterator(); it.hasNext(); ) {
            if (it.next().severity() == Severity.INFO) {
                it.remove();
                countDrop();
                return true;
            }
        }
        if (incoming.severity() == Severity.INFO) {
            return false;
        }
        alerts.removeFirst();
        countDrop();
        return true;
    }

    private void countDrop() {
        droppedSinceTake++;
        droppedTotal++;
    }
}
