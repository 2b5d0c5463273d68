package io.cointrader.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The newest {@link #CAPACITY} requests received, oldest first. Thread-safe. */
final class RequestLog {

    /** Requests kept; older ones are dropped so a long simulator run stays bounded. */
    static final int CAPACITY = 10_000;

    private final Deque<SeenRequest> requests = new ArrayDeque<>();

    synchronized void add(SeenRequest request) {
        requests.addLast(request);
        if (requests.size() > CAPACITY) {
            requests.removeFirst();
        }
    }

    synchronized List<SeenRequest> all() {
        return List.copyOf(requests);
    }
}
