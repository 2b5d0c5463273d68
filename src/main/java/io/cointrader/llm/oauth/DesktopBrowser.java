package io.cointrader.llm.oauth;

import java.awt.Desktop;
import java.net.URI;

/** The system browser through {@link Desktop}; false on a headless machine or any failure. */
public final class DesktopBrowser implements Browser {

    @Override
    public boolean open(URI url) {
        try {
            if (java.awt.GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) {
                return false;
            }
            Desktop desktop = Desktop.getDesktop();
            if (!desktop.isSupported(Desktop.Action.BROWSE)) {
                return false;
            }
            desktop.browse(url);
            return true;
        } catch (Exception | LinkageError e) {
            // AWT may be missing altogether (a jlink runtime) or refuse the display: print the URL instead.
            return false;
        }
    }
}
