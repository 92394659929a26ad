package dev.evals4j.engine.run;

/** The line a method's container reports about the runners of a shared experiment. Stateless. */
final class SharedExperimentLine {

    private SharedExperimentLine() {}

    /**
     * Such as {@code runner=ci-2-4711-1a2b3c4d rows=480 otherRunners=1020}: this runner's name, the rows
     * its report shows, and the rows other runners ran meanwhile (in {@code evals4j show}).
     */
    static String of(String runnerId, long rows, long takenByOthers) {
        return "runner=" + runnerId + " rows=" + rows + " otherRunners=" + takenByOthers;
    }
}
