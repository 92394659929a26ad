package dev.evals4j.bench;

import dev.evals4j.sim.SimulatorHost;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own that hosts the benchmark's simulated providers ({@link SimulatorHost}), one after the
 * other: started once with the benchmark's class path, so that the client under test and the server share
 * no heap, JIT or GC, and warm for every run after the first. {@link #start(List)} hands out a fresh
 * provider with a scenario's flags; {@link #close()} ends the JVM.
 *
 * <p>Not thread-safe: one benchmark thread starts and stops its providers, one at a time.
 */
public final class SimulatorJvm implements AutoCloseable {

    private static final String MAX_HEAP = "-Xmx512m";
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final BufferedReader answers;
    private final Writer commands;

    private SimulatorJvm(Process process) {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Starts the JVM; it runs no provider yet.
     *
     * @throws UncheckedIOException if the process cannot start
     */
    public static SimulatorJvm launch() {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), MAX_HEAP,
                "-cp", System.getProperty("java.class.path"), SimulatorHost.class.getName());
        try {
            return new SimulatorJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator's JVM: " + String.join(" ", command), e);
        }
    }

    /**
     * Starts a fresh provider with {@code arguments} (see {@link Scenario#simulatorArguments()}) in place of the
     * one this JVM ran, and waits until it listens.
     *
     * @throws UncheckedIOException if the JVM does not answer, or answers that the provider could not start
     */
    public SimulatorProcess start(List<String> arguments) {
        for (String argument : arguments) {
            if (argument.isBlank() || argument.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a simulator flag must be one word, was '" + argument + "' in "
                        + arguments);
            }
        }
        String answer = ask("start " + String.join(" ", arguments));
        if (!answer.startsWith(SimulatorHost.LISTENING)) {
            throw new UncheckedIOException(new IOException("the simulator did not start (" + answer + "); flags: "
                    + String.join(" ", arguments)));
        }
        return new SimulatorProcess(this, answer.substring(SimulatorHost.LISTENING.length()));
    }

    /** Stops the provider this JVM runs. */
    void stopProvider() {
        String answer = ask("stop");
        if (!answer.equals(SimulatorHost.STOPPED)) {
            throw new UncheckedIOException(new IOException("the simulator did not stop: " + answer));
        }
    }

    private String ask(String command) {
        try {
            commands.write(command + System.lineSeparator());
            commands.flush();
            String answer = answers.readLine();
            if (answer == null) {
                throw new IOException("the simulator's JVM exited (status " + exitStatus() + ") before answering '"
                        + command + "'");
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to the simulator's JVM: " + e.getMessage(), e);
        }
    }

    private String exitStatus() {
        try {
            return process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Ends the JVM: its standard input closes, then it is stopped by force if it has not exited after 5 s. */
    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException e) {
            // the JVM is gone already; it is forced below if not
        }
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
