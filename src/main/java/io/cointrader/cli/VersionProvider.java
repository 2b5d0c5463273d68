package io.cointrader.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = TraderCommand.class.getPackage().getImplementationVersion();
        return new String[] {"coin-trader " + (version == null ? "dev" : version)};
    }
}
