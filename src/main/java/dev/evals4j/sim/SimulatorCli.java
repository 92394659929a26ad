package dev.evals4j.sim;

import dev.evals4j.sim.SimulatorConfig.Personality;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The command line of {@link SimulatedProvider#main(String[])}: parses flags into a
 * {@link SimulatorConfig} and runs a provider until the process is killed. Stateless.
 */
final class SimulatorCli {

    /** The port the command line listens on when {@code --port} is not given. */
    static final int DEFAULT_PORT = 8089;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -cp <classpath> dev.evals4j.sim.SimulatedProvider [flags]",
            "",
            "Runs a simulated OpenAI-compatible provider on 127.0.0.1 until killed.",
            "",
            "  --port N             port to listen on, 0 = ephemeral (default " + DEFAULT_PORT + ")",
            "  --latency-ms MS      median latency in milliseconds (default 50)",
            "  --latency-sigma S    log-normal spread, 0 = constant (default 0, max " + SimulatorConfig.MAX_SIGMA + ")",
            "  --rate R             rate limit in requests per second (default: none)",
            "  --burst B            token-bucket size for --rate (default: one second of --rate;",
            "                       5 with --personality typical-provider)",
            "  --schedule AT:R,...  rate changes: from AT seconds after start the rate is R (needs --rate)",
            "  --capacity K         requests in flight before latency grows, 0 = unlimited (default 0)",
            "  --error-rate P       probability of a transient 500/503 (default 0)",
            "  --hang-rate Q        probability that a request never answers (default 0)",
            "  --max-hang-s S       seconds a hanging request is held (default 600)",
            "  --accuracy A         probability that an arithmetic answer is right (default 1)",
            "  --seed N             seed of the latency and fault draws (default 42)",
            "  --tokens-per-minute T  tokens-per-minute limit on prompt + completion tokens (default: none)",
            "  --token-burst B      token-bucket size for --tokens-per-minute (default: one second of it)",
            "  --personality P      evals4j (timers, fractional Retry-After) or typical-provider (a thread",
            "                       per connection, Retry-After in whole seconds, small burst) (default evals4j)",
            "  --help               print this help");

    private static final List<String> FLAGS = List.of("--port", "--latency-ms", "--latency-sigma", "--rate",
            "--burst", "--schedule", "--capacity", "--error-rate", "--hang-rate", "--max-hang-s", "--accuracy",
            "--seed", "--personality", "--tokens-per-minute", "--token-burst");

    private SimulatorCli() {
    }

    /**
     * Runs the command line: prints the usage for {@code --help}, or starts a provider, prints its base
     * URL and blocks until the process is killed (a shutdown hook closes the provider).
     *
     * @return the exit status when the command returns: {@code 0} after {@code --help}, {@code 2} for
     *     bad flags
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.println(USAGE);
            return 2;
        }
        SimulatedProvider provider = SimulatedProvider.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "evals4j-sim-shutdown"));
        out.println("Simulated provider listening on " + provider.baseUrl() + " (POST /v1/chat/completions)");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    /**
     * Parses flags ({@code --flag value} or {@code --flag=value}) into a configuration.
     *
     * @throws IllegalArgumentException naming the flag and the bad value, for unknown flags, missing or
     *     malformed values and values the configuration rejects
     */
    static SimulatorConfig parse(String... args) {
        Map<String, String> values = flagValues(args);
        SimulatorConfig.Builder builder = SimulatorConfig.builder()
                .port(intFlag(values, "--port", DEFAULT_PORT))
                .latency(Duration.ofMillis(longFlag(values, "--latency-ms", 50)),
                        doubleFlag(values, "--latency-sigma", 0))
                .errorRate(doubleFlag(values, "--error-rate", 0))
                .hangRate(doubleFlag(values, "--hang-rate", 0))
                .maxHang(Duration.ofMillis(Math.round(doubleFlag(values, "--max-hang-s", 600) * 1000)))
                .accuracy(doubleFlag(values, "--accuracy", 1))
                .seed(longFlag(values, "--seed", 42))
                .personality(personality(values));
        int capacity = intFlag(values, "--capacity", 0);
        if (capacity < 0) {
            throw new IllegalArgumentException("--capacity must be 0 (unlimited) or positive, got " + capacity);
        }
        if (capacity > 0) {
            builder.capacity(capacity);
        }
        applyRateLimit(values, builder, personality(values));
        applyTokenLimit(values, builder);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid flags: " + e.getMessage(), e);
        }
    }

    private static void applyTokenLimit(Map<String, String> values, SimulatorConfig.Builder builder) {
        if (!values.containsKey("--tokens-per-minute")) {
            if (values.containsKey("--token-burst")) {
                throw new IllegalArgumentException("--token-burst needs --tokens-per-minute");
            }
            return;
        }
        long perMinute = longFlag(values, "--tokens-per-minute", 0);
        int burst = intFlag(values, "--token-burst", (int) Math.max(1, Math.min(Integer.MAX_VALUE, perMinute / 60)));
        try {
            builder.tokenLimit(perMinute, burst);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tokens-per-minute " + perMinute + " / --token-burst " + burst
                    + ": " + e.getMessage(), e);
        }
    }

    private static Personality personality(Map<String, String> values) {
        String name = values.getOrDefault("--personality", Personality.EVALS4J.cliName()).strip();
        return Arrays.stream(Personality.values()).filter(p -> p.cliName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--personality: '" + name + "' is not one of "
                        + Arrays.stream(Personality.values()).map(Personality::cliName).collect(Collectors.joining(", "))));
    }

    private static void applyRateLimit(Map<String, String> values, SimulatorConfig.Builder builder,
            Personality personality) {
        if (!values.containsKey("--rate")) {
            for (String needsRate : List.of("--burst", "--schedule")) {
                if (values.containsKey(needsRate)) {
                    throw new IllegalArgumentException(needsRate + " needs --rate");
                }
            }
            return;
        }
        double rate = doubleFlag(values, "--rate", 0);
        int defaultBurst = personality.typicalBurst() > 0 ? personality.typicalBurst() : (int) Math.max(1, Math.ceil(rate));
        int burst = intFlag(values, "--burst", defaultBurst);
        RateLimit limit;
        try {
            limit = RateLimit.of(rate, burst);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rate/--burst: " + e.getMessage(), e);
        }
        String schedule = values.get("--schedule");
        if (schedule != null && !schedule.isBlank()) {
            for (String step : schedule.split(",")) {
                limit = withStep(limit, step.strip());
            }
        }
        builder.rateLimit(limit);
    }

    private static RateLimit withStep(RateLimit limit, String step) {
        String[] parts = step.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "--schedule: step '" + step + "' must be AT:RATE (seconds:requests per second), e.g. 30:5");
        }
        double at = number("--schedule", parts[0]);
        double rate = number("--schedule", parts[1]);
        try {
            return limit.withStep(Duration.ofMillis(Math.round(at * 1000)), rate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--schedule: step '" + step + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, String> flagValues(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown flag '" + flag + "'; known flags: " + String.join(" ", FLAGS));
            }
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            if (values.put(flag, value) != null) {
                throw new IllegalArgumentException(flag + " is given twice");
            }
        }
        return values;
    }

    private static int intFlag(Map<String, String> values, String flag, int fallback) {
        long value = longFlag(values, flag, fallback);
        if (value != (int) value) {
            throw new IllegalArgumentException(flag + ": " + value + " is too large");
        }
        return (int) value;
    }

    private static long longFlag(Map<String, String> values, String flag, long fallback) {
        String text = values.get(flag);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + text + "' is not a whole number", e);
        }
    }

    private static double doubleFlag(Map<String, String> values, String flag, double fallback) {
        String text = values.get(flag);
        return text == null ? fallback : number(flag, text);
    }

    private static double number(String flag, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException("not finite");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + text + "' is not a number", e);
        }
    }
}
