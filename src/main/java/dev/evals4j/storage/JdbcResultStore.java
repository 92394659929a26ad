package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.concurrency.GroupRule;
import dev.evals4j.concurrency.LimitGroup;
import dev.evals4j.execution.ExecutionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apiguardian.api.API;

/**
 * A {@link ResultStore} in a JDBC database: SQLite (the embedded default) or a server database
 * such as PostgreSQL, over one portable schema with versioned {@link Migration migrations}.
 *
 * <p>Opening checks the database before changing anything: a file that is not a database, a
 * database that holds someone else's tables, or a schema newer than this code are refused with a
 * {@link StoreException} that names the file; a database locked beyond the busy timeout too. SQLite
 * databases are then switched to WAL mode with {@code synchronous=NORMAL}.
 *
 * <p>Writes go through one {@link SingleWriter writer thread} that owns the write connection and
 * commits queued runs in batches. Reads use a second connection (guarded by a lock); {@link
 * #runs} opens a connection of its own for as long as its stream is open. The URL must therefore
 * name a database that several connections can open (not {@code jdbc:sqlite::memory:}; use {@link
 * InMemoryResultStore} for that).
 *
 * <p>Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class JdbcResultStore implements ResultStore {

    private static final System.Logger LOG = System.getLogger(JdbcResultStore.class.getName());

    /** The most row ids one lookup query binds. */
    private static final int LOOKUP_CHUNK = 500;
    private static final int FETCH_SIZE = 500;

    private final JdbcTarget target;
    private final StoreSettings settings;
    private final SqlFailures sqlFailures;
    private final FailureLatch failures;
    private final SingleWriter writer;
    private final Clock clock;
    private final ReentrantLock readLock = new ReentrantLock();
    private final Connection reader;
    private volatile boolean closed;

    private JdbcResultStore(JdbcTarget target, StoreSettings settings, SqlFailures sqlFailures,
            FailureLatch failures, SingleWriter writer, Connection reader, Clock clock) {
        this.target = target;
        this.settings = settings;
        this.sqlFailures = sqlFailures;
        this.failures = failures;
        this.writer = writer;
        this.reader = reader;
        this.clock = clock;
    }

    /** Opens the database at {@code jdbcUrl} with {@link StoreSettings#defaults()}. */
    public static JdbcResultStore open(String jdbcUrl) {
        return open(jdbcUrl, StoreSettings.defaults());
    }

    /**
     * Opens the database at {@code jdbcUrl}, creating or migrating its schema. A PostgreSQL URL
     * without {@code user} or {@code password} parameters takes them from the environment variables
     * {@code PGUSER} and {@code PGPASSWORD}.
     *
     * @throws StoreException when the database cannot be opened (its driver is missing, it refuses
     *     the login), is not an evals4j database, has a newer schema, or is locked
     */
    public static JdbcResultStore open(String jdbcUrl, StoreSettings settings) {
        return open(jdbcUrl, System::getenv, settings, Migration.ALL, Clock.systemUTC());
    }

    /** Opens with an explicit migration history and clock (tests). */
    static JdbcResultStore open(String jdbcUrl, StoreSettings settings, List<Migration> migrations, Clock clock) {
        return open(jdbcUrl, System::getenv, settings, migrations, clock);
    }

    /** Opens with an explicit environment (for the credentials), migration history and clock (tests). */
    static JdbcResultStore open(String jdbcUrl, Function<String, String> environment, StoreSettings settings,
            List<Migration> migrations, Clock clock) {
        JdbcTarget target = SqlDialect.of(jdbcUrl).target(jdbcUrl, environment);
        SqlFailures sqlFailures = new SqlFailures(target, settings.busyTimeout());
        Connection writeConnection = connect(target, settings, sqlFailures);
        Connection readConnection = null;
        try {
            new SchemaMigrator(migrations, target.dialect(), sqlFailures).migrate(writeConnection);
            target.dialect().tuneForWriting(writeConnection, settings);
            readConnection = connect(target, settings, sqlFailures);
        } catch (SQLException e) {
            closeQuietly(writeConnection);
            throw sqlFailures.translate("open the schema", e);
        } catch (RuntimeException e) {
            closeQuietly(writeConnection);
            throw e;
        }
        LOG.log(System.Logger.Level.DEBUG, "Results store {0} at schema version {1}", sqlFailures.location(),
                migrations.size());
        FailureLatch failures = new FailureLatch();
        SingleWriter writer = new SingleWriter(writeConnection, sqlFailures, failures, settings);
        return new JdbcResultStore(target, settings, sqlFailures, failures, writer, readConnection, clock);
    }

    /** The database's file (SQLite) or URL without secrets, as messages name it. */
    public String location() {
        return sqlFailures.location();
    }

    @Override
    public ExperimentInfo openExperiment(
            String name, String suite, Map<String, String> config, String datasetFingerprint) {
        return writer.call("open experiment " + name + " of " + suite,
                c -> ExperimentSql.open(c, name, suite, config, datasetFingerprint, clock.instant()));
    }

    @Override
    public Optional<ExperimentInfo> findExperiment(String name, String suite) {
        return read("find experiment " + name + " of " + suite, c -> ExperimentSql.find(c, name, suite));
    }

    @Override
    public List<ExperimentInfo> listExperiments() {
        return read("list the experiments", ExperimentSql::list);
    }

    @Override
    public void finishExperiment(long experimentId, ExperimentStatus status) {
        boolean found = writer.call("set the status of experiment " + experimentId,
                c -> ExperimentSql.finish(c, experimentId, status));
        if (!found) {
            throw new StoreException("No experiment with id " + experimentId + " in " + location());
        }
    }

    @Override
    public Map<RunKey, RunRecord> lookup(long experimentId, Collection<RunKey> keys) {
        writer.flush();
        Set<RunKey> wanted = Set.copyOf(keys);
        List<String> rowIds = new ArrayList<>(new LinkedHashSet<>(keys.stream().map(RunKey::rowId).toList()));
        Map<RunKey, RunRecord> found = new HashMap<>();
        for (int from = 0; from < rowIds.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = rowIds.subList(from, Math.min(rowIds.size(), from + LOOKUP_CHUNK));
            read("look up " + chunk.size() + " rows of experiment " + experimentId, c -> {
                try (PreparedStatement select = c.prepareStatement(RunSql.selectRows(chunk.size()))) {
                    select.setLong(1, experimentId);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            RunRecord run = RunSql.read(result);
                            if (wanted.contains(run.key())) {
                                found.put(run.key(), run);
                            }
                        }
                    }
                }
                return null;
            });
        }
        return found;
    }

    @Override
    public void record(RunRecord run) {
        writer.record(Redactor.redact(run));
    }

    @Override
    public CompletableFuture<Void> recordCommitted(RunRecord run) {
        return writer.recordCommitted(Redactor.redact(run));
    }

    @Override
    public void updateScores(long experimentId, RunKey key, String scoresJson) {
        writer.updateScores(experimentId, key, Redactor.redactText(scoresJson));
    }

    @Override
    public void flush() {
        writer.flush();
    }

    @Override
    public Stream<RunRecord> runs(long experimentId) {
        writer.flush();
        Connection connection = connect(target, settings, sqlFailures);
        try {
            connection.setAutoCommit(false);
            PreparedStatement select = connection.prepareStatement(RunSql.SELECT_ALL);
            select.setFetchSize(FETCH_SIZE);
            select.setLong(1, experimentId);
            ResultSet result = select.executeQuery();
            return StreamSupport.stream(new RunSpliterator(result, experimentId), false)
                    .onClose(() -> closeQuietly(connection));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw sqlFailures.translate("read the runs of experiment " + experimentId, e);
        }
    }

    @Override
    public Optional<PairClaims> claims(long experimentId, String runnerId, Duration lease) {
        if (target.dialect().nowMillis() == null) {
            return Optional.empty();
        }
        writer.runner(runnerId);
        return Optional.of(new JdbcPairClaims(experimentId, runnerId, lease));
    }

    @Override
    public Map<RunKey, String> runners(long experimentId) {
        writer.flush();
        return read("read the runners of experiment " + experimentId, c -> {
            Map<RunKey, String> runners = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement(RunSql.SELECT_RUNNERS)) {
                select.setLong(1, experimentId);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        String runner = result.getString(3);
                        runners.put(new RunKey(result.getString(1), result.getInt(2)), runner == null ? "" : runner);
                    }
                }
            }
            return runners;
        });
    }

    @Override
    public Map<ExecutionStatus, Long> runCounts(long experimentId) {
        writer.flush();
        return read("count the runs of experiment " + experimentId, c -> {
            Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
            try (PreparedStatement select = c.prepareStatement(RunSql.COUNT_BY_STATUS)) {
                select.setLong(1, experimentId);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        counts.put(ExecutionStatus.valueOf(result.getString(1)), result.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * Joins the limit group {@code group} kept in this database, on a connection of its own that the
     * membership closes when it leaves. The member is named for this host and process.
     *
     * @throws StoreException when the database cannot be reached
     */
    public LimitGroup joinLimitGroup(String group) {
        return joinLimitGroup(group, LimitGroups.memberId(), System::currentTimeMillis);
    }

    /** As {@link #joinLimitGroup(String)}, as {@code member} on the clock {@code millis} (tests). */
    JdbcLimitGroup joinLimitGroup(String group, String member, LongSupplier millis) {
        failures.throwIfFailed();
        Connection connection = connect(target, settings, sqlFailures);
        try {
            return JdbcLimitGroup.join(connection, target.dialect(), sqlFailures, group, member, GroupRule.defaults(),
                    millis, LimitGroups.STALE_AFTER);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.stop();
        readLock.lock();
        try {
            closeQuietly(reader);
        } finally {
            readLock.unlock();
        }
        failures.throwIfFailed();
    }

    private <T> T read(String action, Transaction.SqlWork<T> work) {
        failures.throwIfFailed();
        readLock.lock();
        try {
            if (closed) {
                throw new StoreException("The result store " + location() + " is closed");
            }
            return work.run(reader);
        } catch (SQLException e) {
            throw sqlFailures.translate(action, e);
        } finally {
            readLock.unlock();
        }
    }

    private static Connection connect(JdbcTarget target, StoreSettings settings, SqlFailures failures) {
        Connection connection = null;
        try {
            connection = target.connect();
            target.dialect().configure(connection, settings);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failures.translate("connect", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing was written on this connection that closing could lose.
            }
        }
    }

    /** The leases of one runner on one experiment, written through the store's writer thread. */
    private final class JdbcPairClaims implements PairClaims {
        private final long experimentId;
        private final String runnerId;
        private final Duration lease;
        private final LeaseSql sql = new LeaseSql(target.dialect());

        JdbcPairClaims(long experimentId, String runnerId, Duration lease) {
            this.experimentId = experimentId;
            this.runnerId = runnerId;
            this.lease = lease;
        }

        @Override
        public String runnerId() {
            return runnerId;
        }

        @Override
        public Duration leaseDuration() {
            return lease;
        }

        @Override
        public Set<RunKey> claim(Map<RunKey, String> contentHashes) {
            Set<RunKey> held = new HashSet<>();
            for (Map<RunKey, String> chunk : chunks(contentHashes, LOOKUP_CHUNK)) {
                held.addAll(writer.call(claimAction(chunk),
                        c -> sql.claim(c, experimentId, runnerId, lease, chunk)));
            }
            return held;
        }

        /**
         * Claims {@value LeaseSql#PAIRS_PER_STATEMENT} pairs at a time in the transactions of the writer's
         * next group commits, so that a claim never keeps the runs of a commit waiting for long.
         */
        @Override
        public CompletableFuture<Set<RunKey>> claimAsync(Map<RunKey, String> contentHashes) {
            CompletableFuture<Set<RunKey>> held = CompletableFuture.completedFuture(new HashSet<>());
            try {
                for (Map<RunKey, String> chunk : chunks(contentHashes, LeaseSql.PAIRS_PER_STATEMENT)) {
                    CompletableFuture<Set<RunKey>> claimed = writer.joinNextCommit(claimAction(chunk),
                            c -> sql.claim(c, experimentId, runnerId, lease, chunk));
                    held = held.thenCombine(claimed, (all, some) -> {
                        all.addAll(some);
                        return all;
                    });
                }
            } catch (StoreException e) {
                return CompletableFuture.failedFuture(e);
            }
            return held;
        }

        private String claimAction(Map<RunKey, String> chunk) {
            return "claim " + chunk.size() + " pairs of experiment " + experimentId + " for runner " + runnerId;
        }

        private static List<Map<RunKey, String>> chunks(Map<RunKey, String> contentHashes, int size) {
            List<Map.Entry<RunKey, String>> all = List.copyOf(contentHashes.entrySet());
            List<Map<RunKey, String>> chunks = new ArrayList<>();
            for (int from = 0; from < all.size(); from += size) {
                Map<RunKey, String> chunk = new LinkedHashMap<>();
                all.subList(from, Math.min(all.size(), from + size))
                        .forEach(pair -> chunk.put(pair.getKey(), pair.getValue()));
                chunks.add(chunk);
            }
            return chunks;
        }

        @Override
        public void renew() {
            writer.call("renew the leases of runner " + runnerId + " on experiment " + experimentId,
                    c -> sql.renew(c, experimentId, runnerId, lease));
        }

        @Override
        public void release() {
            writer.call("release the leases of runner " + runnerId + " on experiment " + experimentId, c -> {
                sql.closeStatements();
                return sql.release(c, experimentId, runnerId);
            });
        }
    }

    /** Reads runs one result row at a time. */
    private final class RunSpliterator extends Spliterators.AbstractSpliterator<RunRecord> {
        private final ResultSet result;
        private final long experimentId;

        RunSpliterator(ResultSet result, long experimentId) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.result = result;
            this.experimentId = experimentId;
        }

        @Override
        public boolean tryAdvance(Consumer<? super RunRecord> action) {
            try {
                if (!result.next()) {
                    return false;
                }
                action.accept(RunSql.read(result));
                return true;
            } catch (SQLException e) {
                throw sqlFailures.translate("read the runs of experiment " + experimentId, e);
            }
        }
    }
}
