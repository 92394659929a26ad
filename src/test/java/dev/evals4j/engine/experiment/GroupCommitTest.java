package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A concurrent method's finished rows hold their slots while their commits are pending, so the rows that
 * finish meanwhile share the store writer's next transaction; a sequential method waits for each row's
 * commit, one row per transaction. Counted from what the writer reports when the store closes.
 */
@Timeout(120)
class GroupCommitTest {

    private static final Pattern WROTE = Pattern.compile("Wrote (\\d+) runs to .* in (\\d+) commits");
    private static final int ROWS = 300;

    @TempDir
    Path directory;

    private final Logger writerLog = Logger.getLogger("dev.evals4j.storage.SingleWriter");
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level levelBefore;
    private ExperimentKit kit;

    @BeforeEach
    void setUp() {
        kit = new ExperimentKit(directory);
        ExperimentEvals.reset(ROWS);
        levelBefore = writerLog.getLevel();
        writerLog.setLevel(Level.FINE);
        writerLog.addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        writerLog.removeHandler(capture);
        writerLog.setLevel(levelBefore);
    }

    @Test
    void aConcurrentMethodsRowsShareCommits() {
        kit.run(ExperimentEvals.ConcurrentRows.class, "grouped", Map.of());

        long[] wrote = wrote();
        assertThat(wrote[0]).as("runs written").isEqualTo(ROWS);
        assertThat(wrote[1]).as("commits of those runs").isLessThan(ROWS);
        assertThat(kit.runs("grouped")).hasSize(ROWS);
    }

    @Test
    void aSequentialMethodCommitsEachRowBeforeTheNextStarts() {
        kit.run(ExperimentEvals.Rows.class, "row-by-row", Map.of());

        assertThat(wrote()).as("runs written, commits").containsExactly(ROWS, ROWS);
    }

    /** The runs and commits the store's writer reported when the store closed. */
    private long[] wrote() {
        List<String> reports = messages.stream().filter(m -> WROTE.matcher(m).find()).toList();
        assertThat(reports).as("the writer's report when the store closed").hasSize(1);
        Matcher matcher = WROTE.matcher(reports.get(0));
        assertThat(matcher.find()).isTrue();
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }
}
