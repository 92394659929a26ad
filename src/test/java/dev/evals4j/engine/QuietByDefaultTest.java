package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run that goes as planned logs nothing at INFO or above: the summary table and the progress line
 * are the whole output. (System.Logger's default backend is java.util.logging, whose console handler
 * prints INFO and above.)
 */
class QuietByDefaultTest {

    private final LogRecorder log = new LogRecorder(Level.INFO);

    @BeforeEach
    void listen() {
        log.start();
    }

    @AfterEach
    void stopListening() {
        log.stop();
    }

    @Test
    void sequentialAndConcurrentRunsLogNothingAtInfo() {
        EngineTestKitSupport.run(PlainEvals.class).testEvents().assertStatistics(stats -> stats.failed(0));
        EngineTestKitSupport.run(Map.of("concurrent", "true"),
                selectClass(PlainEvals.class))
                .testEvents().assertStatistics(stats -> stats.failed(0));

        assertThat(log.lines()).isEmpty();
    }
}
