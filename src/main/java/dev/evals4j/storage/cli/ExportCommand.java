package dev.evals4j.storage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evals4j.storage.AttemptError;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunKey;
import dev.evals4j.storage.RunRecord;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code export NAME}: every run of the experiment (each suite) as one JSON object per line, with
 * its output and scores as JSON rather than as strings, its outcome as {@code show} counts it
 * ({@code pass}, {@code fail}, {@code error} or {@code did-not-run}), and the runner that recorded it
 * when runners shared the experiment ({@code null} for a run recorded without a runner id).
 */
final class ExportCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportCommand() {}

    static void run(ResultStore store, CliArguments arguments, PrintStream out) {
        for (ExperimentInfo experiment :
                ExperimentSelection.named(store, arguments.operands().get(0), arguments.suite())) {
            Map<RunKey, String> runners = store.runners(experiment.id());
            try (Stream<RunRecord> runs = store.runs(experiment.id())) {
                runs.forEach(run -> out.println(line(experiment, run,
                        runners.getOrDefault(new RunKey(run.rowId(), run.repetition()), ""))));
            }
        }
    }

    private static String line(ExperimentInfo experiment, RunRecord run, String runner) {
        ObjectNode line = JSON.createObjectNode();
        line.put("experiment", experiment.name());
        line.put("suite", experiment.suite());
        line.put("rowId", run.rowId());
        line.put("repetition", run.repetition());
        line.put("status", run.status().name());
        line.put("outcome", Formats.outcome(run));
        line.set("output", json(run.outputJson()));
        line.set("scores", json(run.scoresJson()));
        line.put("error", run.error());
        line.set("history", JSON.valueToTree(run.history().stream().map(ExportCommand::attempt).toList()));
        line.put("attempts", run.attempts());
        line.put("start", run.start() == null ? null : run.start().toString());
        line.put("end", run.end() == null ? null : run.end().toString());
        line.put("contentHash", run.contentHash());
        line.put("runner", runner.isEmpty() ? null : runner);
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode attempt(AttemptError error) {
        return JSON.createObjectNode()
                .put("type", error.type())
                .put("message", error.message())
                .put("stack", error.stack());
    }

    /** The stored JSON as a tree; text that is not JSON stays a string. */
    private static JsonNode json(String stored) {
        if (stored == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(stored);
        }
    }
}
