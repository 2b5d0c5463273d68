package io.cointrader.llm.oauth;

import java.net.URI;

/** Opens the login page for the user. */
@FunctionalInterface
public interface Browser {

    /** @return true when a browser was asked to open {@code url}; false when none is available */
    boolean open(URI url);
}
