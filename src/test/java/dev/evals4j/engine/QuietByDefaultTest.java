package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run that goes as planned logs nothing at INFO or above: the summary table and the progress line
 * are the whole output. (System.Logger's default backend is java.util.logging, whose console handler
 * prints INFO and above.)
 */
class QuietByDefaultTest {

    private final Logger evals4j = Logger.getLogger("dev.evals4j");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        evals4j.addHandler(recorder);
    }

    @AfterEach
    void stopListening() {
        evals4j.removeHandler(recorder);
    }

    @Test
    void sequentialAndConcurrentRunsLogNothingAtInfo() {
        EngineTestKitSupport.run(PlainEvals.class).testEvents().assertStatistics(stats -> stats.failed(0));
        EngineTestKitSupport.run(Map.of("concurrent", "true"),
                selectClass(PlainEvals.class))
                .testEvents().assertStatistics(stats -> stats.failed(0));

        assertThat(records).extracting(record -> record.getLoggerName() + ": " + record.getMessage()).isEmpty();
    }
}
