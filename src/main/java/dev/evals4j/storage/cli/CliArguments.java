package dev.evals4j.storage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: the command, its operands and the options.
 *
 * @param command {@code list}, {@code show}, {@code compare} or {@code export}
 * @param operands the experiment names the command takes
 * @param storage the {@code --storage} value, or {@code null} for the default
 * @param suite the {@code --suite} value, or {@code null} for every suite
 * @param out the {@code --out} file, or {@code null} for standard output
 */
record CliArguments(String command, List<String> operands, String storage, String suite, Path out) {

    /** How many operands each command takes. */
    private static final Map<String, Integer> OPERANDS = Map.of("list", 0, "show", 1, "compare", 2, "export", 1);

    static final String USAGE = """
            usage: evals4j <command> [options]
              list                 the experiments: name, suite, created, status, run counts
              show NAME            the summary of experiment NAME and its failed runs
              compare A B          per-row differences and aggregate changes from experiment A to B
              export NAME          every run of experiment NAME as JSON lines
            options:
              --storage SPEC       sqlite (default: .evals4j/results.db here), none, or a JDBC URL
              --suite CLASS#METHOD only the experiments of this suite
              --out FILE           (export) write to FILE instead of standard output""";

    /** Parses {@code args}. */
    static CliArguments parse(String... args) {
        String command = null;
        List<String> operands = new ArrayList<>();
        String storage = null;
        String suite = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--storage" -> storage = value(args, ++i, arg);
                case "--suite" -> suite = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg + " (allowed: --storage, --suite, --out)");
                    } else if (command == null) {
                        command = arg;
                    } else {
                        operands.add(arg);
                    }
                }
            }
        }
        if (command == null) {
            throw new UsageException("no command given");
        }
        Integer expected = OPERANDS.get(command);
        if (expected == null) {
            throw new UsageException("unknown command " + command + " (allowed: list, show, compare, export)");
        }
        if (operands.size() != expected) {
            throw new UsageException(command + " takes " + expected + " experiment name(s), got " + operands.size());
        }
        if (out != null && !command.equals("export")) {
            throw new UsageException("--out applies to export only");
        }
        return new CliArguments(command, List.copyOf(operands), storage, suite, out);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }
}
