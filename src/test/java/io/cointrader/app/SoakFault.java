package io.cointrader.app;

/** The faults the soak injects, as its figures count them. */
enum SoakFault {
    SERVER_ERROR("5xx"),
    TIMEOUT("timeout"),
    RATE_LIMIT_BURST("429 burst"),
    BAN("418 ban"),
    MALFORMED_JSON("malformed JSON"),
    TRUNCATED_JSON("truncated JSON"),
    UNANSWERED_ORDER("order accepted, answer lost"),
    SLOW_ANSWER("slow answer"),
    DATABASE_LOCKED("database locked, waited out"),
    DATABASE_LOCKED_PAST_TIMEOUT("database locked past the busy timeout"),
    CANCEL_NOT_FOUND("cancel answered 404, order open"),
    CANCEL_AFTER_FILL("cancel answered 404, order just filled"),
    CANCEL_SERVER_ERROR("cancel answered 5xx"),
    CANCEL_RATE_LIMITED("cancel answered 429"),
    CANCEL_ANSWER_LOST("cancel taken, answer lost");

    private final String label;

    SoakFault(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Whether every attempt of a read that meets this fault fails (as opposed to a slow but good answer). */
    boolean failsTheAttempt() {
        return switch (this) {
            case SERVER_ERROR, TIMEOUT, RATE_LIMIT_BURST, BAN, MALFORMED_JSON, TRUNCATED_JSON -> true;
            default -> false;
        };
    }
}
