package dev.evals4j.engine.experiment.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts {@link ExperimentChild} in another JVM on this JVM's class path, its output going to a file. */
final class ChildJvm {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a child with {@code properties} as system properties, in the folder of {@code log}: whatever
     * it writes relative to its working directory (Allure's results, for one) stays in the test's folder.
     */
    static ChildJvm start(Map<String, String> properties, Path log) throws IOException {
        return start(properties, Map.of(), log);
    }

    /** As {@link #start(Map, Path)}, with {@code environment} added to the child's environment variables. */
    static ChildJvm start(Map<String, String> properties, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ExperimentChild.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(log.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ChildJvm(process, log);
    }

    Process process() {
        return process;
    }

    /** Waits for the child to exit, at most {@code seconds}; fails with its output if it does not. */
    int awaitExit(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not exit within " + seconds + " s; its output:\n" + output());
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
