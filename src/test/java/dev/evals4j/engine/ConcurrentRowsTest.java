package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.engine.fixtures.OverlapEvals;
import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EventType;

class ConcurrentRowsTest {

    @Test
    void asyncRowsOverlapLiveEveryRowStartsBeforeAnyFinishes() {
        OverlapEvals.allStarted = new CountDownLatch(3);

        EngineExecutionResults results = EngineTestKitSupport.run(OverlapEvals.class);

        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(3).started(3).succeeded(3));
        List<EventType> order = results.testEvents().filter(e -> e.getType() == EventType.STARTED
                || e.getType() == EventType.FINISHED).map(e -> e.getType()).toList();
        assertThat(order).containsExactly(EventType.STARTED, EventType.STARTED, EventType.STARTED,
                EventType.FINISHED, EventType.FINISHED, EventType.FINISHED);
    }

    @Test
    void everyListenerCallIsMadeByTheThreadThatEnteredExecute() {
        OverlapEvals.allStarted = new CountDownLatch(3);
        Thread caller = Thread.currentThread();
        List<Thread> callers = new CopyOnWriteArrayList<>();
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(DiscoverySelectors.selectClass(OverlapEvals.class))
                        .filters(EngineFilter.includeEngines("evals4j"))
                        .configurationParameter("evals4j.progress", "off")
                        .build(),
                new TestExecutionListener() {
                    @Override
                    public void dynamicTestRegistered(TestIdentifier id) {
                        callers.add(Thread.currentThread());
                    }

                    @Override
                    public void executionStarted(TestIdentifier id) {
                        callers.add(Thread.currentThread());
                    }

                    @Override
                    public void executionFinished(TestIdentifier id,
                            TestExecutionResult result) {
                        callers.add(Thread.currentThread());
                    }
                });
        assertThat(callers).hasSizeGreaterThan(9).containsOnly(caller);
    }

    @Test
    void syncRowsRunOneAtATimeUnlessConcurrentIsOn() {
        EngineExecutionResults sequential = EngineTestKitSupport.run(Map.of(),
                DiscoverySelectors.selectMethod(PlainEvals.class, "answers", "java.lang.String,java.lang.String"));
        List<EventType> order = sequential.testEvents().filter(e -> e.getType() == EventType.STARTED
                || e.getType() == EventType.FINISHED).map(e -> e.getType()).toList();
        assertThat(order).containsExactly(EventType.STARTED, EventType.FINISHED, EventType.STARTED,
                EventType.FINISHED, EventType.STARTED, EventType.FINISHED);

        EngineExecutionResults concurrent = EngineTestKitSupport.run(Map.of("concurrent", "true"),
                DiscoverySelectors.selectClass(PlainEvals.class));
        concurrent.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
    }
}
