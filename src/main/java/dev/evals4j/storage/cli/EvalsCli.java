package dev.evals4j.storage.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.ResultStores;
import dev.evals4j.storage.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The command-line view of stored experiments: {@code list}, {@code show NAME}, {@code compare A
 * B} and {@code export NAME}. See {@link CliArguments#USAGE}.
 *
 * <p>Exit codes: 0 done, 1 the store or an experiment could not be read, 2 bad arguments (the usage
 * is printed). Not thread-safe: one instance serves one command line at a time.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EvalsCli {

    /** Exit code of a command that ran. */
    public static final int OK = 0;
    /** Exit code when the store or the named experiment cannot be read. */
    public static final int FAILED = 1;
    /** Exit code of a bad command line. */
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDirectory;

    /**
     * A command line that prints to {@code out} and {@code err} and resolves the default store under
     * {@code workingDirectory}.
     */
    public EvalsCli(PrintStream out, PrintStream err, Path workingDirectory) {
        this.out = out;
        this.err = err;
        this.workingDirectory = workingDirectory;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(new EvalsCli(System.out, System.err, Path.of("")).run(args));
    }

    /**
     * Runs one command line.
     *
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public int run(String... args) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (UsageException e) {
            err.println("evals4j: " + e.getMessage());
            err.println(CliArguments.USAGE);
            return USAGE;
        }
        try (ResultStore store = openStore(arguments.storage())) {
            if (arguments.out() == null) {
                dispatch(store, arguments, out);
            } else {
                try (OutputStream file = Files.newOutputStream(arguments.out());
                        PrintStream printer = new PrintStream(file, false, StandardCharsets.UTF_8)) {
                    dispatch(store, arguments, printer);
                }
                out.println("Wrote " + arguments.out());
            }
            return OK;
        } catch (StoreException | ExperimentSelection.NoSuchExperimentException e) {
            err.println("evals4j: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("evals4j: cannot write " + arguments.out() + ": " + e.getMessage());
            return FAILED;
        }
    }

    private ResultStore openStore(String spec) {
        boolean defaultFile = spec == null || spec.isBlank() || spec.trim().toLowerCase(Locale.ROOT).equals("sqlite");
        Path file = workingDirectory.resolve(ResultStores.DEFAULT_FILE).toAbsolutePath();
        if (defaultFile && !Files.exists(file)) {
            throw new StoreException("No results database at " + file
                    + ": run the evals from this directory first, or pass --storage");
        }
        return ResultStores.open(spec, workingDirectory);
    }

    private static void dispatch(ResultStore store, CliArguments arguments, PrintStream target) {
        switch (arguments.command()) {
            case "list" -> ListCommand.run(store, arguments, target);
            case "show" -> ShowCommand.run(store, arguments, target);
            case "compare" -> CompareCommand.run(store, arguments, target);
            case "export" -> ExportCommand.run(store, arguments, target);
            default -> throw new IllegalStateException("CliArguments accepted " + arguments.command());
        }
    }
}
