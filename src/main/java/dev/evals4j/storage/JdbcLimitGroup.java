package dev.evals4j.storage;

import dev.evals4j.concurrency.GroupFigures;
import dev.evals4j.concurrency.GroupRate;
import dev.evals4j.concurrency.GroupRule;
import dev.evals4j.concurrency.GroupTotals;
import dev.evals4j.concurrency.LimitGroup;
import dev.evals4j.concurrency.MemberReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One runner's membership of a limit group kept in the results database (tables {@code limit_groups}
 * and {@code limit_members}), on a connection of its own.
 *
 * <p>A {@link #sync} is one short transaction of two or three statements: the member's row is
 * upserted (its heartbeat and its report), the group's row is read together with the sums over the
 * live members (those whose heartbeat is younger than {@code staleAfter}), and, when the report's rate
 * limits lower the rate ({@link GroupRule#afterReport}), the group's row is updated. Only a sync that
 * may decrease locks the group's row ({@code FOR UPDATE} on PostgreSQL); SQLite takes its write lock
 * for every sync ({@code BEGIN IMMEDIATE}), which several processes sharing one file wait for up to
 * the busy timeout. Times are the members' clocks in epoch milliseconds.
 *
 * <p>Used by one thread at a time (its pacer's sync thread); the statement count is thread-safe.
 */
final class JdbcLimitGroup implements LimitGroup {

    private static final String UPSERT_MEMBER = "INSERT INTO limit_members"
            + " (group_name, member_id, heartbeat_at, demand, admitted, started) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (group_name, member_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at,"
            + " demand = excluded.demand, admitted = excluded.admitted, started = excluded.started";
    private static final String SELECT_GROUP = "SELECT g.rate, g.provisional, g.decreased_at, g.generation,"
            + " m.sharers, m.admitted, m.started, m.measured FROM limit_groups g CROSS JOIN (SELECT"
            + " SUM(CASE WHEN demand = 1 OR member_id = ? THEN 1 ELSE 0 END) AS sharers,"
            + " SUM(admitted) AS admitted, SUM(started) AS started, COUNT(admitted) AS measured"
            + " FROM limit_members WHERE group_name = ? AND heartbeat_at >= ?) m WHERE g.name = ?";
    private static final String UPDATE_GROUP =
            "UPDATE limit_groups SET rate = ?, provisional = ?, decreased_at = ?, generation = ? WHERE name = ?";

    private final Connection connection;
    private final SqlDialect dialect;
    private final SqlFailures failures;
    private final String group;
    private final String member;
    private final GroupRule rule;
    private final LongSupplier millis;
    private final long staleAfterMillis;
    private final AtomicLong statements = new AtomicLong();

    private JdbcLimitGroup(Connection connection, SqlDialect dialect, SqlFailures failures, String group,
            String member, GroupRule rule, LongSupplier millis, Duration staleAfter) {
        this.connection = connection;
        this.dialect = dialect;
        this.failures = failures;
        this.group = group;
        this.member = member;
        this.rule = rule;
        this.millis = millis;
        this.staleAfterMillis = staleAfter.toMillis();
    }

    /**
     * Joins {@code group} as {@code member} on {@code connection} (which the membership then owns):
     * creates the group's row if it is new and forgets members whose heartbeat is stale.
     */
    static JdbcLimitGroup join(Connection connection, SqlDialect dialect, SqlFailures failures, String group,
            String member, GroupRule rule, LongSupplier millis, Duration staleAfter) {
        JdbcLimitGroup membership =
                new JdbcLimitGroup(connection, dialect, failures, group, member, rule, millis, staleAfter);
        membership.transaction("join the limit group " + group, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO limit_groups"
                    + " (name, rate, provisional, decreased_at, generation) VALUES (?, NULL, 0, 0, 0)"
                    + " ON CONFLICT (name) DO NOTHING");
                    PreparedStatement forget = c.prepareStatement(
                            "DELETE FROM limit_members WHERE group_name = ? AND heartbeat_at < ?")) {
                insert.setString(1, group);
                membership.count(insert.executeUpdate());
                forget.setString(1, group);
                forget.setLong(2, millis.getAsLong() - membership.staleAfterMillis);
                membership.count(forget.executeUpdate());
            }
            return null;
        });
        return membership;
    }

    @Override
    public GroupFigures sync(MemberReport report) {
        return transaction("sync with the limit group " + group, c -> {
            long now = millis.getAsLong();
            try (PreparedStatement upsert = c.prepareStatement(UPSERT_MEMBER)) {
                upsert.setString(1, group);
                upsert.setString(2, member);
                upsert.setLong(3, now);
                upsert.setInt(4, report.demand() ? 1 : 0);
                setRate(upsert, 5, report.admittedPerSecond());
                setRate(upsert, 6, report.startedPerSecond());
                count(upsert.executeUpdate());
            }
            boolean mayDecrease = report.rateLimits() > 0;
            String select = SELECT_GROUP + (mayDecrease && dialect == SqlDialect.POSTGRESQL ? " FOR UPDATE OF g" : "");
            GroupRate row;
            GroupTotals totals;
            try (PreparedStatement read = c.prepareStatement(select)) {
                read.setString(1, member);
                read.setString(2, group);
                read.setLong(3, now - staleAfterMillis);
                read.setString(4, group);
                statements.incrementAndGet();
                try (ResultSet result = read.executeQuery()) {
                    if (!result.next()) {
                        throw new StoreException("The limit group " + group + " has no row in " + failures.location()
                                + ": it was deleted while runners shared it");
                    }
                    double rate = result.getDouble(1);
                    row = new GroupRate(result.wasNull() ? Double.POSITIVE_INFINITY : rate, result.getInt(2) == 1,
                            result.getLong(3), result.getLong(4));
                    totals = new GroupTotals(Math.max(1, result.getInt(5)), rate(result, 6), result.getInt(8),
                            rate(result, 7));
                }
            }
            GroupRate next = rule.afterReport(row, report, totals, now);
            if (next != row) {
                try (PreparedStatement update = c.prepareStatement(UPDATE_GROUP)) {
                    update.setDouble(1, next.rate());
                    update.setInt(2, next.provisional() ? 1 : 0);
                    update.setLong(3, next.decreasedAtMillis());
                    update.setLong(4, next.generation());
                    update.setString(5, group);
                    count(update.executeUpdate());
                }
            }
            return rule.figures(next, totals, now);
        });
    }

    @Override
    public void leave() {
        try {
            transaction("leave the limit group " + group, c -> {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM limit_members WHERE group_name = ? AND member_id = ?")) {
                    delete.setString(1, group);
                    delete.setString(2, member);
                    count(delete.executeUpdate());
                }
                return null;
            });
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The member's row is deleted, or goes stale; the connection holds nothing else.
            }
        }
    }

    /** The statements this membership has sent, for tests that check the database's load. */
    long statements() {
        return statements.get();
    }

    /** Counts a statement that was sent; its update count does not matter here. */
    private void count(int updateCount) {
        statements.incrementAndGet();
    }

    private static void setRate(PreparedStatement statement, int index, OptionalDouble rate) throws SQLException {
        if (rate.isPresent()) {
            statement.setDouble(index, rate.getAsDouble());
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
    }

    private static OptionalDouble rate(ResultSet result, int column) throws SQLException {
        double value = result.getDouble(column);
        return result.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** One transaction; on SQLite one that takes the write lock first, as every sync writes. */
    private <T> T transaction(String action, Transaction.SqlWork<T> work) {
        try {
            return dialect.writeTransaction(connection, work);
        } catch (SQLException e) {
            throw failures.translate(action, e);
        }
    }
}
