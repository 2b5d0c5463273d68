package io.cointrader.logging;

/** The event kinds that have a file of their own; everything else goes to general.jsonl. */
enum EventChannel {
    DECISIONS("decisions"),
    ORDERS("orders"),
    FILLS("fills"),
    BALANCES("balances"),
    SAFETY("safety");

    static final String GENERAL_FILE = "general";
    static final String GENERAL_LOGGER = "cointrader.general";

    private final String fileName;

    EventChannel(String fileName) {
        this.fileName = fileName;
    }

    /** Base file name without extension, e.g. {@code decisions}. */
    String fileName() {
        return fileName;
    }

    String loggerName() {
        return "cointrader." + fileName;
    }
}
