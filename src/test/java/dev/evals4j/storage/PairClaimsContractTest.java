package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.execution.ExecutionStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leases on pairs through two stores (two runners) opened on one database, SQLite and PostgreSQL alike.
 * An already-expired lease is one taken with a negative duration: the database's clock decides, and no
 * test waits.
 */
abstract class PairClaimsContractTest {

    static final Duration LIVE = Duration.ofMinutes(5);
    private static final Duration EXPIRED = Duration.ofSeconds(-5);

    private JdbcResultStore runnerA;
    private JdbcResultStore runnerB;
    private long experiment;
    private String url;

    abstract String url();

    @BeforeEach
    void open() {
        url = url();
        runnerA = JdbcResultStore.open(url);
        runnerB = JdbcResultStore.open(url);
        experiment = runnerA.openExperiment("shared", "S#m", Map.of(), null).id();
        assertThat(runnerB.openExperiment("shared", "S#m", Map.of(), null).id()).isEqualTo(experiment);
    }

    @AfterEach
    void close() {
        runnerA.close();
        runnerB.close();
    }

    private static Map<RunKey, String> pairs(String... rowIds) {
        Map<RunKey, String> pairs = new LinkedHashMap<>();
        for (String rowId : rowIds) {
            pairs.put(new RunKey(rowId, 0), "hash-" + rowId);
        }
        return pairs;
    }

    private static Set<RunKey> keys(String... rowIds) {
        return pairs(rowIds).keySet();
    }

    @Test
    void aPairLeasedByALiveRunnerIsNotClaimedByAnother() {
        PairClaims a = runnerA.claims(experiment, "a", LIVE).orElseThrow();
        PairClaims b = runnerB.claims(experiment, "b", LIVE).orElseThrow();

        assertThat(a.claim(pairs("r1", "r2"))).isEqualTo(keys("r1", "r2"));
        assertThat(b.claim(pairs("r1", "r2", "r3"))).isEqualTo(keys("r3"));
        assertThat(a.claim(pairs("r1", "r3"))).as("a runner keeps its own, not the other's").isEqualTo(keys("r1"));
    }

    @Test
    void anExpiredLeaseIsTakenOverAndARenewedOneIsNot() {
        PairClaims dying = runnerA.claims(experiment, "dying", EXPIRED).orElseThrow();
        PairClaims b = runnerB.claims(experiment, "b", LIVE).orElseThrow();
        assertThat(dying.claim(pairs("r1", "r2"))).hasSize(2);

        assertThat(b.claim(pairs("r1"))).isEqualTo(keys("r1"));

        PairClaims renewing = runnerA.claims(experiment, "renewing", EXPIRED).orElseThrow();
        assertThat(renewing.claim(pairs("r9"))).hasSize(1);
        runnerA.claims(experiment, "renewing", LIVE).orElseThrow().renew();
        assertThat(b.claim(pairs("r9"))).as("renewed: live again").isEmpty();
    }

    @Test
    void aCompletedPairIsNeverClaimedAgainUnlessItsContentChanged() {
        PairClaims a = runnerA.claims(experiment, "a", EXPIRED).orElseThrow();
        PairClaims b = runnerB.claims(experiment, "b", LIVE).orElseThrow();
        assertThat(a.claim(pairs("r1", "r2"))).hasSize(2);
        runnerA.record(Runs.completed(experiment, "r1", "out"));
        runnerA.record(Runs.run(experiment, "r2", 0, ExecutionStatus.FAILED, "out"));
        runnerA.flush();

        assertThat(b.claim(pairs("r1", "r2"))).as("the failed pair is claimable, the completed one is not")
                .isEqualTo(keys("r2"));
        assertThat(b.claim(Map.of(new RunKey("r1", 0), "edited"))).as("a row edited since it completed")
                .isEqualTo(keys("r1"));
        runnerA.record(Runs.completed(experiment, "r3", "out"));
        runnerA.flush();
        Map<RunKey, String> rerun = new HashMap<>();
        rerun.put(new RunKey("r3", 0), null);
        assertThat(b.claim(rerun)).as("no completed run settles it (a failing verdict run again)")
                .isEqualTo(keys("r3"));
    }

    @Test
    void releaseFreesTheRunnersLeasesACompletedPairStaysUnclaimableAndRunsNameTheirRunner() {
        PairClaims a = runnerA.claims(experiment, "a", LIVE).orElseThrow();
        PairClaims b = runnerB.claims(experiment, "b", LIVE).orElseThrow();
        assertThat(a.claim(pairs("r1", "r2"))).hasSize(2);
        runnerA.record(Runs.completed(experiment, "r1", "out"));
        a.release();

        assertThat(b.claim(pairs("r1", "r2"))).isEqualTo(keys("r2"));
        assertThat(runnerB.runners(experiment)).containsExactly(Map.entry(new RunKey("r1", 0), "a"));
    }

    @Test
    void aCompletedRunTakesItsLeaseWithItSoThatRenewalsAndTheReleaseTouchOnlyThePairsStillRunning()
            throws SQLException {
        PairClaims a = runnerA.claims(experiment, "a", LIVE).orElseThrow();
        PairClaims b = runnerB.claims(experiment, "b", LIVE).orElseThrow();
        assertThat(a.claim(pairs("r1", "r2", "r3", "r4"))).hasSize(4);
        assertThat(b.claim(pairs("r5"))).hasSize(1);
        runnerA.record(Runs.completed(experiment, "r1", "out"));
        runnerA.record(Runs.run(experiment, "r2", 0, ExecutionStatus.FAILED, "out"));
        runnerA.record(Runs.run(experiment, "r3", 0, ExecutionStatus.COMPLETED_WITH_RETRIES, "out"));
        runnerA.record(Runs.completed(experiment, "r5", "out"));

        assertThat(a.claimAsync(pairs("r6")).join()).as("a transaction after the runs").isEqualTo(keys("r6"));

        assertThat(leasedBy("a")).as("the failed pair, the one not run and the new one")
                .containsExactlyInAnyOrder("r2", "r4", "r6");
        assertThat(leasedBy("b")).as("another runner's lease stays, whoever completes its pair")
                .containsExactly("r5");
        assertThat(b.claim(pairs("r1", "r3"))).as("completed: no lease is needed to keep them").isEmpty();
        a.release();
        assertThat(leasedBy("a")).isEmpty();
    }

    private List<String> leasedBy(String runner) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement select = connection.prepareStatement(
                        "SELECT row_id FROM leases WHERE experiment_id = ? AND runner_id = ?")) {
            select.setLong(1, experiment);
            select.setString(2, runner);
            List<String> rowIds = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rowIds.add(result.getString(1));
                }
            }
            return rowIds;
        }
    }

    @Test
    void aClaimWithoutWaitingLeasesInTheCommitsOfTheRunsQueuedWithItWhatAClaimWould() {
        PairClaims a = runnerA.claims(experiment, "a", LIVE).orElseThrow();
        PairClaims b = runnerB.claims(experiment, "b", LIVE).orElseThrow();
        String[] rows = java.util.stream.IntStream.range(0, 250).mapToObj(i -> "r" + i).toArray(String[]::new);
        assertThat(b.claim(pairs("r7"))).hasSize(1);
        runnerA.record(Runs.completed(experiment, "r8", "out"));
        runnerA.flush();

        java.util.concurrent.CompletableFuture<Void> queuedRun =
                runnerA.recordCommitted(Runs.completed(experiment, "q1", "out"));
        Set<RunKey> held = a.claimAsync(pairs(rows)).join();

        Set<RunKey> expected = new java.util.HashSet<>(keys(rows));
        expected.removeAll(keys("r7", "r8"));
        assertThat(held).as("all but the pair another runner leases and the completed one").isEqualTo(expected);
        assertThat(queuedRun).isCompleted();
        assertThat(b.claim(pairs(rows))).as("leased by a, committed for every connection")
                .isEqualTo(keys("r7"));
    }

    @Test
    void aClaimWithoutWaitingOnAClosedStoreFailsItsStageNamingTheStore() {
        PairClaims a = runnerA.claims(experiment, "a", LIVE).orElseThrow();
        runnerA.close();

        assertThat(a.claimAsync(pairs("r1"))).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(StoreException.class).withMessageContaining("is closed");
    }

    @Test
    void theSecondRunnerJoinsTheFirstsExperiment() {
        assertThat(runnerB.listExperiments()).hasSize(1);
    }
}
