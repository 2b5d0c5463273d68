package io.cointrader.state;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * A separate program that reads the database the way a dashboard would, holding one read transaction
 * open until told to go on. Prints {@code SNAPSHOT <events>} when the transaction has started, then,
 * after a line on standard input, {@code SNAPSHOT <events>} again inside the same transaction and
 * {@code AFTER <events>} once it has ended.
 */
public final class ReaderProcess {

    private ReaderProcess() {}

    public static void main(String[] args) throws Exception {
        String countEvents = "SELECT count(*) FROM events";
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Connection c = StateFixtures.rawConnection(Path.of(args[0]))) {
            c.setAutoCommit(false);
            System.out.println("SNAPSHOT " + StateFixtures.count(c, countEvents));
            System.out.flush();
            in.readLine();
            System.out.println("SNAPSHOT " + StateFixtures.count(c, countEvents));
            c.commit();
            System.out.println("AFTER " + StateFixtures.count(c, countEvents));
            System.out.flush();
        }
    }
}
