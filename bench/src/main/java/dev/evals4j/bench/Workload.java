package dev.evals4j.bench;

import java.util.List;

/**
 * What a contender gets for one run: the scenario, its rows' prompts and a client bound to a fresh
 * simulator.
 *
 * @param scenario the scenario being run
 * @param prompts one prompt per row
 * @param client the client every call must go through
 */
public record Workload(Scenario scenario, List<String> prompts, MeasuredClient client) {

    /** Copies the prompts. */
    public Workload {
        prompts = List.copyOf(prompts);
    }
}
