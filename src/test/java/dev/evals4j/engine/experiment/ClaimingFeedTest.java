package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.dataset.Row;
import dev.evals4j.engine.config.ResumeRerun;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.InMemoryResultStore;
import dev.evals4j.storage.PairClaims;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ResumeFeed} in a shared experiment, against leases kept in a map: it yields only what it
 * claims, sets the rest aside, and between its checks (the injected wait, no sleeping) lets the test
 * play the other runners.
 */
class ClaimingFeedTest {

    private final ResultStore store = new InMemoryResultStore();
    private final long experiment = store.openExperiment("e", "S#m", Map.of(), null).id();
    private final List<RowEvent> events = new ArrayList<>();
    private final FakeClaims claims = new FakeClaims();
    private final List<Duration> waits = new ArrayList<>();
    private final List<Integer> claimSizes = new ArrayList<>();
    private long nowNanos;
    /** The renewals the feed hears of: by default one has just started, whatever the time. */
    private Long renewedAtNanos;
    private long lapsedAtNanos = Long.MIN_VALUE;
    private final Renewals renewals = new Renewals() {
        @Override
        public long lastStartNanos() {
            return renewedAtNanos == null ? nowNanos : renewedAtNanos;
        }

        @Override
        public long lastLapseNanos() {
            return lapsedAtNanos;
        }
    };

    private static RowItem item(int i) {
        return new RowItem(new Row("r" + i, i, Map.of("n", i), "test:" + i), 1, false);
    }

    private void complete(RowItem item, String contentHash) {
        ExecutionDetails details =
                new ExecutionDetails(ExecutionStatus.COMPLETED, List.of(), 1, 0, Instant.EPOCH, Instant.EPOCH, 0);
        store.record(RunRecords.of(experiment, item, RowOutcome.pass(), details, contentHash));
    }

    private ResumeFeed feed(List<RowItem> pairs, LeaseWait wait) {
        return new ResumeFeed(pairs.iterator(), store, experiment, events::add, null, ResumeRerun.ERRORS, claims,
                duration -> {
                    waits.add(duration);
                    wait.await(duration);
                }, () -> nowNanos, renewals);
    }

    @Test
    void afterARenewalThatCameTooLateTheQueuedPairsAreClaimedAgainAndThoseAnotherRunnerTookOverAreNotRun() {
        List<RowItem> pairs = IntStream.range(0, 10).mapToObj(ClaimingFeedTest::item).toList();
        ResumeFeed feed = feed(pairs, wait -> {
            complete(pairs.get(6), pairs.get(6).row().contentHash());
            complete(pairs.get(7), pairs.get(7).row().contentHash());
        });
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(feed.next().row().id());
        }
        nowNanos += Duration.ofSeconds(5).toNanos(); // a stall: longer than the 3-second lease
        claims.takenOverByOther(pairs.get(6), pairs.get(7));
        lapsedAtNanos = nowNanos; // the late renewal
        claimSizes.clear();

        feed.forEachRemaining(item -> taken.add(item.row().id()));

        assertThat(claimSizes).as("the six queued pairs claimed again, then the two set aside checked").containsExactly(6, 2);
        assertThat(taken).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r8", "r9");
        assertThat(feed.takenByOthers()).isEqualTo(2);
    }

    @Test
    void queuedPairsWhoseRenewalsStoppedForHalfALeaseAreClaimedAgainBeforeTheyAreHandedOut() {
        List<RowItem> pairs = IntStream.range(0, 10).mapToObj(ClaimingFeedTest::item).toList();
        renewedAtNanos = 0L;
        ResumeFeed feed = feed(pairs, wait -> {});
        feed.next();
        nowNanos += Duration.ofMillis(1_400).toNanos();
        feed.next();
        assertThat(claimSizes).as("within half of the 3-second lease").containsExactly(10);

        nowNanos += Duration.ofMillis(100).toNanos();
        feed.next();
        assertThat(claimSizes).as("half a lease without a renewal: the 8 queued claimed again").containsExactly(10, 8);
        nowNanos += Duration.ofMillis(1_000).toNanos();
        assertThat(ids(feed)).hasSize(7);
        assertThat(claimSizes).as("leased again 1 s ago").containsExactly(10, 8);
    }

    @Test
    void aRunnerThatTakesItsPairsFastClaimsUpToALookupBatchAtOnceAndASlowOneStaysAtTheClaimBatch() {
        List<RowItem> pairs = IntStream.range(0, 2_000).mapToObj(ClaimingFeedTest::item).toList();
        ResumeFeed fast = feed(pairs, duration -> {});
        for (int i = 0; i < 1_300; i++) {
            fast.next();
            nowNanos += 10_000; // 100,000 pairs/s
        }
        assertThat(claimSizes).containsExactly(ResumeFeed.CLAIM_BATCH, ResumeFeed.BATCH, ResumeFeed.BATCH,
                ResumeFeed.BATCH);

        claimSizes.clear();
        ResumeFeed slow = feed(pairs, duration -> {});
        for (int i = 0; i < 300; i++) {
            slow.next();
            nowNanos += 50_000_000; // 20 pairs/s
        }
        assertThat(claimSizes).as("claims made after 0, 50, 150 and 250 pairs taken: each once half of the last one is taken")
                .containsOnly(ResumeFeed.CLAIM_BATCH).hasSize(4);
    }

    @Test
    void theNextBatchIsClaimedWhileTheExecutorTakesTheSecondHalfOfTheLastAndItsPairsFollowInOrder() {
        List<RowItem> pairs = IntStream.range(0, 300).mapToObj(ClaimingFeedTest::item).toList();
        ResumeFeed feed = feed(pairs, duration -> {});
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            taken.add(feed.next().row().id());
        }
        CompletableFuture<Void> storeAnswers = new CompletableFuture<>();
        claims.answerAfter = storeAnswers;

        taken.add(feed.next().row().id());
        assertThat(claimSizes).as("the second claim starts once half of the first is taken").hasSize(2);
        for (int i = 0; i < 49; i++) {
            taken.add(feed.next().row().id());
        }
        assertThat(storeAnswers).as("the first claim's pairs are taken while the second is under way").isNotDone();
        storeAnswers.complete(null);
        feed.forEachRemaining(item -> taken.add(item.row().id()));

        assertThat(taken).containsExactlyElementsOf(pairs.stream().map(item -> item.row().id()).toList());
        assertThat(feed.hasUnreadPairs()).isFalse();
    }

    private static List<String> ids(ResumeFeed feed) {
        List<String> ids = new ArrayList<>();
        feed.forEachRemaining(i -> ids.add(i.row().id()));
        return ids;
    }

    @Test
    void pairsLeasedByOthersAreSetAsideAndDroppedOnceTheyCompleteThere() {
        List<RowItem> pairs = IntStream.rangeClosed(1, 6).mapToObj(ClaimingFeedTest::item).toList();
        claims.heldByOther(pairs.get(1), pairs.get(4));

        ResumeFeed feed = feed(pairs, wait -> {
            complete(pairs.get(1), pairs.get(1).row().contentHash());
            complete(pairs.get(4), pairs.get(4).row().contentHash());
        });

        assertThat(ids(feed)).containsExactly("r1", "r3", "r4", "r6");
        assertThat(feed.takenByOthers()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(events).as("pairs other runners ran are not this runner's rows").isEmpty();
        assertThat(feed.hasUnreadPairs()).isFalse();
    }

    @Test
    void aPairWhoseLeaseExpiredIsTakenOver() {
        List<RowItem> pairs = IntStream.rangeClosed(1, 3).mapToObj(ClaimingFeedTest::item).toList();
        claims.heldByOther(pairs.get(2));

        ResumeFeed feed = feed(pairs, wait -> claims.expire(pairs.get(2)));

        assertThat(ids(feed)).containsExactly("r1", "r2", "r3");
        assertThat(feed.takenByOthers()).isZero();
    }

    @Test
    void theFeedKeepsWaitingWhileAnotherLiveRunnerHoldsAPair() {
        List<RowItem> pairs = List.of(item(1), item(2));
        claims.heldByOther(pairs.get(1));
        int[] checks = {0};

        ResumeFeed feed = feed(pairs, wait -> {
            if (++checks[0] == 3) {
                complete(pairs.get(1), pairs.get(1).row().contentHash());
            }
        });

        assertThat(ids(feed)).containsExactly("r1");
        assertThat(waits).hasSize(3);
        assertThat(feed.takenByOthers()).isOne();
    }

    @Test
    void waitingForOtherRunnersLeasesIsLoggedOnceNamingTheLease() {
        List<RowItem> pairs = List.of(item(1), item(2));
        claims.heldByOther(pairs.get(1));
        int[] checks = {0};
        List<String> logged = new ArrayList<>();
        Logger logger = Logger.getLogger(ResumeFeed.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            ids(feed(pairs, wait -> {
                if (++checks[0] == 3) {
                    complete(pairs.get(1), pairs.get(1).row().contentHash());
                }
            }));
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(logged).singleElement().asString().startsWith("INFO Waiting for 1 pair of this experiment leased by"
                + " other runners").contains("evals4j.lease = 3.0 s");
    }

    @Test
    void aFailingVerdictAnotherRunnerRanAgainWhileTheClaimWasReadingIsNotRunAgain() {
        List<RowItem> pairs = IntStream.rangeClosed(1, 3).mapToObj(ClaimingFeedTest::item).toList();
        RowItem failing = pairs.get(1);
        ExecutionDetails details =
                new ExecutionDetails(ExecutionStatus.COMPLETED, List.of(), 1, 0, Instant.EPOCH, Instant.EPOCH, 0);
        store.record(RunRecords.of(experiment, failing, RowOutcome.failed(new AssertionError("wrong")), details,
                failing.row().contentHash()));
        claims.afterGrant = () -> complete(failing, failing.row().contentHash());

        ResumeFeed feed = new ResumeFeed(pairs.iterator(), store, experiment, events::add, null,
                ResumeRerun.FAILURES, claims, wait -> waits.add(wait));

        assertThat(ids(feed)).containsExactly("r1", "r3");
        assertThat(feed.takenByOthers()).isOne();
        assertThat(waits).isEmpty();
    }

    @Test
    void anotherRunnerThatCompletedAPairForOtherContentFailsTheFeedNamingTheRows() {
        List<RowItem> pairs = IntStream.rangeClosed(1, 8).mapToObj(ClaimingFeedTest::item).toList();
        List<RowItem> others = pairs.subList(1, 8);
        claims.heldByOther(others.toArray(RowItem[]::new));

        ResumeFeed feed = feed(pairs, wait -> others.forEach(item -> complete(item, "other-content")));

        feed.next();
        assertThatThrownBy(feed::hasNext).isInstanceOf(DatasetMismatchException.class)
                .hasMessageContaining("runner me").hasMessageContaining("7 row(s)")
                .hasMessageContaining("'r2', 'r3', 'r4', 'r5', 'r6', ...").hasMessageContaining("-Devals4j.experiment");
    }

    @Test
    void anInterruptedWaitEndsTheFeedWithThePairsLeft() {
        List<RowItem> pairs = List.of(item(1), item(2));
        claims.heldByOther(pairs.get(1));

        ResumeFeed feed = feed(pairs, wait -> {
            throw new InterruptedException("stopping");
        });

        assertThat(ids(feed)).containsExactly("r1");
        assertThat(Thread.interrupted()).isTrue();
        assertThat(feed.hasUnreadPairs()).isTrue();
    }

    /** Leases in a map: pairs marked as another runner's are refused until expired or completed. */
    private final class FakeClaims implements PairClaims {
        private final Map<RunKey, String> holders = new HashMap<>();
        /** When set, the next claim answers without waiting, once this completes. */
        private CompletableFuture<Void> answerAfter;
        /** What other runners do between this claim's reading of the runs and its commit. */
        private Runnable afterGrant = () -> {};

        void heldByOther(RowItem... items) {
            for (RowItem item : items) {
                holders.put(RunRecords.key(item), "other");
            }
        }

        void takenOverByOther(RowItem... items) {
            heldByOther(items);
        }

        void expire(RowItem item) {
            holders.remove(RunRecords.key(item));
        }

        @Override
        public String runnerId() {
            return "me";
        }

        @Override
        public Duration leaseDuration() {
            return Duration.ofSeconds(3);
        }

        @Override
        public Set<RunKey> claim(Map<RunKey, String> contentHashes) {
            claimSizes.add(contentHashes.size());
            return grant(contentHashes);
        }

        private Set<RunKey> grant(Map<RunKey, String> contentHashes) {
            Set<RunKey> completed = store.lookup(experiment, contentHashes.keySet()).entrySet().stream()
                    .filter(e -> e.getValue().status().isCompleted()
                            && Objects.equals(e.getValue().contentHash(), contentHashes.get(e.getKey())))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Set<RunKey> mine = contentHashes.keySet().stream()
                    .filter(key -> !completed.contains(key) && !"other".equals(holders.get(key)))
                    .collect(Collectors.toSet());
            mine.forEach(key -> holders.put(key, "me"));
            afterGrant.run();
            afterGrant = () -> {};
            return mine;
        }

        @Override
        public CompletableFuture<Set<RunKey>> claimAsync(Map<RunKey, String> contentHashes) {
            CompletableFuture<Void> gate = answerAfter;
            answerAfter = null;
            if (gate == null) {
                return PairClaims.super.claimAsync(contentHashes);
            }
            claimSizes.add(contentHashes.size());
            return gate.thenApply(ignored -> grant(contentHashes));
        }

        @Override
        public void renew() {}

        @Override
        public void release() {}
    }
}
