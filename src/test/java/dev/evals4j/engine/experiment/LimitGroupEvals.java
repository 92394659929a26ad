package dev.evals4j.engine.experiment;

import dev.evals4j.api.ForEach;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An evaluation (concurrent, so paced by the default pacer) whose one row reads, while it runs, which limit groups the runners using the store at
 * {@link #storage} belong to: it waits until {@link #awaitedMembers} members are in the table (at most
 * 30 s), then records the group of each member in {@link #SEEN}, and returns once {@link #recorded}
 * reaches zero: a row that saw another runner keeps its own runner in the group until the other row
 * has seen it too.
 */
public final class LimitGroupEvals {

    /** The groups of the members each row saw, one list per row. */
    public static final List<List<String>> SEEN = new CopyOnWriteArrayList<>();
    /** The JDBC URL of the store the engine runs with. */
    public static volatile String storage;
    /** How many members a row waits for before it records what it sees. */
    public static volatile int awaitedMembers = 1;
    /** Counted down by each row once it recorded what it saw; rows wait for it to reach zero. */
    public static volatile CountDownLatch recorded = new CountDownLatch(1);

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static Stream<Map<String, Object>> rows() {
        return Stream.of(Map.of("id", "r1"));
    }

    @ForEach(value = "id", method = "rows", concurrent = ForEach.Concurrent.TRUE, maxAttempts = 1)
    public boolean seesItsGroup(String id) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> groups = members();
        while (groups.size() < awaitedMembers && System.nanoTime() < deadline) {
            Thread.sleep(20);
            groups = members();
        }
        SEEN.add(groups);
        recorded.countDown();
        return recorded.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The group of every member in the store, sorted. */
    public static List<String> members() throws SQLException {
        try (Connection connection = DriverManager.getConnection(storage);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT group_name FROM limit_members ORDER BY group_name")) {
            List<String> groups = new ArrayList<>();
            while (result.next()) {
                groups.add(result.getString(1));
            }
            return groups;
        }
    }
}
