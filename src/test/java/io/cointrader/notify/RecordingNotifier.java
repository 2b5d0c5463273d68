package io.cointrader.notify;

import io.cointrader.core.Severity;
import java.util.ArrayList;
import java.util.List;

/** A fallback notifier that keeps every alert it is given. */
final class RecordingNotifier implements Notifier {

    record Sent(Severity severity, String title, String text) {}

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized void send(Severity severity, String title, String text) {
        sent.add(new Sent(severity, title, text));
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<String> titles() {
        return sent.stream().map(Sent::title).toList();
    }
}
