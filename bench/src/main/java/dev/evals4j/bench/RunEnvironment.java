package dev.evals4j.bench;

import java.lang.management.ManagementFactory;

/**
 * The machine a benchmark ran on, for the method note: figures from a loaded two-core machine
 * read differently from those of an idle workstation.
 *
 * @param cores the processors available to the JVM
 * @param javaVersion the running JVM's version
 * @param loadAverageAtStart the one-minute system load average when the benchmark started (-1 if unknown)
 * @param loadAverageAtEnd the one-minute system load average when it ended (-1 if unknown)
 * @param totalSeconds the wall time of the whole benchmark
 */
public record RunEnvironment(int cores, String javaVersion, double loadAverageAtStart, double loadAverageAtEnd,
        double totalSeconds) {

    /** The one-minute system load average now, or -1 where the platform does not tell. */
    public static double currentLoadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
