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
        String message = ex.getMessage() == null ? "invalid arguments" : oneLine(ex.getMessage());
        cli.getErr()
                .println("error: " + message + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        cli.getErr().flush();
        return USAGE;
    }

    /**
     * Picocli's message on one line: its own line breaks become spaces; any other control or
     * line-breaking character (typed arguments are quoted in the message) becomes a {@code \\uXXXX}
     * escape.
     */
    static String oneLine(String message) {
        StringBuilder out = new StringBuilder(message.length());
        message.replace("\r\n", " ").replace('\n', ' ').codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
