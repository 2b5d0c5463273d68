package io.cointrader.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Bad command lines: one line naming the problem and where to find help, exit code 2. */
final class OneLineUsageErrors implements IParameterExceptionHandler {

    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        String message =
                ex.getMessage() == null ? "invalid arguments" : ex.getMessage().replace('\n', ' ');
        cli.getErr()
                .println("error: " + message + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        cli.getErr().flush();
        return USAGE;
    }
}
