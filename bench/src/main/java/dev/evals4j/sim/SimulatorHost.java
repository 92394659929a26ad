package dev.evals4j.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's simulator JVM: starts one simulated provider after another, each fresh (its own rate
 * limit, token bucket, counters, seeded draws, threads and port), in one JVM that stays warm between them.
 * A JVM of its own for every run cost the benchmark more than two minutes of starts, and handed every run a
 * provider whose JIT was cold for its first calls.
 *
 * <p>It reads commands from standard input, one a line, and answers each on standard output:
 * <ul>
 *   <li>{@code start <flags>} (the flags of {@link SimulatedProvider#main}): closes the provider it runs, if
 *       any, starts one with these flags and answers {@value #LISTENING} and its base URL, or
 *       {@value #FAILED} and the reason when the flags are bad;</li>
 *   <li>{@code stop}: closes the provider it runs and answers {@value #STOPPED}.</li>
 * </ul>
 * It exits when its standard input ends. Not thread-safe: one thread reads the commands.
 */
public final class SimulatorHost {

    /** What the answer to {@code start} begins with, followed by the base URL. */
    public static final String LISTENING = "listening on ";
    /** The answer to {@code start} when the provider could not start, followed by the reason. */
    public static final String FAILED = "failed: ";
    /** The answer to {@code stop}. */
    public static final String STOPPED = "stopped";

    private static final String START = "start";
    private static final String STOP = "stop";

    private SimulatedProvider provider;

    /** Runs the host on this process's standard input and output until the input ends. */
    public static void main(String[] args) throws IOException {
        new SimulatorHost().serve(System.in, System.out);
    }

    /** Answers the commands read from {@code in} on {@code out} until {@code in} ends, then closes the provider. */
    void serve(InputStream in, PrintStream out) throws IOException {
        BufferedReader commands = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                out.println(answer(line.strip()));
                out.flush();
            }
        } finally {
            closeProvider();
        }
    }

    private String answer(String command) {
        if (command.equals(STOP)) {
            closeProvider();
            return STOPPED;
        }
        if (command.equals(START) || command.startsWith(START + " ")) {
            closeProvider();
            String flags = command.substring(START.length()).strip();
            try {
                provider = SimulatedProvider.start(SimulatorCli.parse(flags.isEmpty() ? new String[0] : flags.split("\\s+")));
            } catch (RuntimeException e) {
                return FAILED + e.getMessage();
            }
            return LISTENING + provider.baseUrl();
        }
        return FAILED + "unknown command '" + command + "'; allowed: " + START + " <flags>, " + STOP;
    }

    private void closeProvider() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }
}
