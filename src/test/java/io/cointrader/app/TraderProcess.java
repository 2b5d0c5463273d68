package io.cointrader.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code trader} jar as a real process in a working directory of its own. */
final class TraderProcess {

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private final Path workDir;

    TraderProcess(Path workDir) {
        this.workDir = workDir;
    }

    static Path jar() {
        String jar = System.getProperty("trader.jar");
        if (jar == null) {
            throw new IllegalStateException("system property trader.jar is not set (run with mvn verify)");
        }
        return Path.of(jar);
    }

    ProcessBuilder builder(List<String> args, Map<String, String> env) {
        return builder(List.of(), args, env);
    }

    ProcessBuilder builder(List<String> jvmOptions, List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("TRADING_") || k.startsWith("EXCHANGE") || k.startsWith("UPBIT_"));
        pb.environment().putAll(env);
        return pb;
    }

    Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return runWithInput("", env, args);
    }

    /** Runs with {@code input} on standard input (no terminal: as a pipe or a service would). */
    Result runWithInput(String input, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Path in = Files.createTempFile(workDir, "in", ".txt");
        Files.writeString(in, input, StandardCharsets.UTF_8);
        Process process = builder(List.of(args), env)
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("trader did not finish within 5 minutes");
        }
        Result result = new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        Files.delete(in);
        return result;
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }
}
