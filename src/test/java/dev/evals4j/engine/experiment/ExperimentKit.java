package dev.evals4j.engine.experiment;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.EvalsTestEngine;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.JdbcResultStore;
import dev.evals4j.storage.RunRecord;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs an evaluation class through the engine into a SQLite store in a temporary directory, and reads that store. */
final class ExperimentKit {

    private final Path database;

    ExperimentKit(Path directory) {
        this.database = directory.resolve("results.db");
    }

    Path database() {
        return database;
    }

    String storage() {
        return "jdbc:sqlite:" + database;
    }

    EngineExecutionResults run(Class<?> evals, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(Map.of("evals4j.progress", "off", "evals4j.retry.wait", "none",
                "evals4j.storage", storage()));
        all.putAll(parameters);
        return EngineTestKit.engine(EvalsTestEngine.ENGINE_ID).selectors(selectClass(evals))
                .configurationParameters(all).execute();
    }

    EngineExecutionResults run(Class<?> evals, String experiment, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("evals4j.experiment", experiment);
        return run(evals, all);
    }

    /** The experiments in the store. */
    List<ExperimentInfo> experiments() {
        try (JdbcResultStore store = JdbcResultStore.open(storage())) {
            return store.listExperiments();
        }
    }

    /** The stored runs of the experiment {@code name}. */
    List<RunRecord> runs(String name) {
        try (JdbcResultStore store = JdbcResultStore.open(storage())) {
            ExperimentInfo experiment = store.listExperiments().stream().filter(e -> e.name().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no experiment " + name));
            try (Stream<RunRecord> runs = store.runs(experiment.id())) {
                return runs.toList();
            }
        }
    }
}
