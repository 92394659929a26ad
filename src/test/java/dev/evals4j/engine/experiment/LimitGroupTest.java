package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A method whose store is a database joins a limit group ({@code evals4j.limitGroup}, by default its
 * named experiment, else {@code default}) while it runs and leaves it when it ends, so runners that share
 * the database share the provider's rate limit.
 */
@Timeout(120)
class LimitGroupTest {

    @TempDir
    Path directory;

    private ExperimentKit kit;

    @BeforeEach
    void setUp() {
        kit = new ExperimentKit(directory);
        LimitGroupEvals.SEEN.clear();
        LimitGroupEvals.storage = kit.storage();
        LimitGroupEvals.awaitedMembers = 1;
        LimitGroupEvals.recorded = new CountDownLatch(1);
    }

    @Test
    void aMethodOfANamedExperimentJoinsTheGroupOfThatNameWhileItRunsAndLeavesWhenItEnds() throws Exception {
        run(Map.of("evals4j.experiment", "nightly"));

        assertThat(LimitGroupEvals.SEEN).containsExactly(List.of("nightly"));
        assertThat(LimitGroupEvals.members()).as("the member left").isEmpty();
    }

    @Test
    void aMethodOfAnUnnamedExperimentJoinsTheDefaultGroup() {
        run(Map.of());

        assertThat(LimitGroupEvals.SEEN).containsExactly(List.of("default"));
    }

    @Test
    void theLimitGroupKeyNamesTheGroup() {
        run(Map.of("evals4j.experiment", "nightly", "evals4j.limitGroup", "openai-key-1"));

        assertThat(LimitGroupEvals.SEEN).containsExactly(List.of("openai-key-1"));
    }

    @Test
    void limitGroupNoneTurnsSharingOff() {
        LimitGroupEvals.awaitedMembers = 0;

        run(Map.of("evals4j.experiment", "nightly", "evals4j.limitGroup", "none"));

        assertThat(LimitGroupEvals.SEEN).containsExactly(List.of());
    }

    @Test
    void twoRunsOfDifferentExperimentsInOneGroupSeeEachOther() throws Exception {
        LimitGroupEvals.awaitedMembers = 2;
        LimitGroupEvals.recorded = new CountDownLatch(2);

        // Each run on a thread of its own: they wait for each other, and the default async pool may have
        // a single thread (JDK 25 on two cores), which would run them one after the other.
        Executor ownThread = task -> new Thread(task, "limit-group-run").start();
        CompletableFuture<Void> first = CompletableFuture.runAsync(
                () -> run(Map.of("evals4j.experiment", "left", "evals4j.limitGroup", "provider")), ownThread);
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> run(Map.of("evals4j.experiment", "right", "evals4j.limitGroup", "provider")), ownThread);
        first.get();
        second.get();

        assertThat(LimitGroupEvals.SEEN).containsExactly(List.of("provider", "provider"), List.of("provider", "provider"));
        assertThat(LimitGroupEvals.members()).isEmpty();
    }

    private void run(Map<String, String> parameters) {
        EngineExecutionResults results = kit.run(LimitGroupEvals.class, parameters);
        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }
}
