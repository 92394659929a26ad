package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.evals4j.dataset.DatasetFile;
import dev.evals4j.engine.descriptor.DatasetLines;
import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import dev.evals4j.engine.fixtures.ThresholdEvals;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** What an IDE gets to jump from a row to its line in the dataset, and to run that row again. */
class RowSourceTest {

    private static final UniqueId METHOD = UniqueId.forEngine(EvalsTestEngine.ENGINE_ID)
            .append("class", ThresholdEvals.class.getName())
            .append(ForEachMethodDescriptor.SEGMENT_TYPE, "meetsTheThreshold(int)");

    @Test
    void selectingOneRowByUniqueIdRunsExactlyThatRowWithItsDatasetLineAsSource() {
        List<TestIdentifier> finished = new CopyOnWriteArrayList<>();
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectUniqueId(METHOD.append("row", "r3")))
                        .filters(EngineFilter.includeEngines(EvalsTestEngine.ENGINE_ID))
                        .configurationParameter("evals4j.progress", "off")
                        .configurationParameter("evals4j.storage", "none")
                        .build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            finished.add(id);
                        }
                    }
                });

        assertThat(finished).hasSize(1);
        TestIdentifier row = finished.get(0);
        assertThat(row.getUniqueIdObject()).isEqualTo(METHOD.append("row", "r3"));
        assertThat(row.getDisplayName()).isEqualTo("r3 \u2717 even=0 \u2502 n=3");
        TestSource source = row.getSource().orElseThrow();
        assertThat(source).isInstanceOf(FileSource.class);
        FileSource file = (FileSource) source;
        assertThat(file.getFile().toPath()).endsWith(java.nio.file.Path.of("engine-test", "numbers.jsonl"));
        assertThat(file.getFile()).isFile();
        assertThat(file.getPosition()).contains(FilePosition.from(3));
    }

    @Test
    void aClassPathResourceInsideAnArchiveIsAClasspathResourceSourceWithTheLine() {
        DatasetLines lines = DatasetLines.of(Optional.of(new DatasetFile("datasets/qa.jsonl",
                URI.create("jar:file:/repo/evals.jar!/datasets/qa.jsonl"), true)));

        assertThat(lines.sourceOf("datasets/qa.jsonl:12"))
                .contains(ClasspathResourceSource.from("datasets/qa.jsonl", FilePosition.from(12)));
    }

    @Test
    void rowsAMethodProducesHaveNoDatasetLine() {
        assertThat(DatasetLines.NONE.sourceOf("ThresholdEvals.rows()[3]")).isEmpty();
    }
}
