package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One runner's membership of a limit group: the runners (JVMs, machines) that call one provider under
 * one rate limit and share it. Each {@link #sync} is one short exchange with the place the group lives
 * (a database), made a few times per second by a {@link SharedLimitPacer}, never once per request.
 *
 * <p>Implementations are used by one thread at a time (the pacer's sync thread).
 */
@API(status = INTERNAL, since = "0.1")
public interface LimitGroup {

    /**
     * Reports what this runner observed since its last sync, lets the group decrease its rate when the
     * report holds fresh rate limits (see {@link GroupRule}), and reads back the group's figures.
     *
     * @throws RuntimeException when the group cannot be reached; the caller keeps its last figures
     */
    GroupFigures sync(MemberReport report);

    /** Leaves the group: its share returns to the other members at their next sync. */
    void leave();
}
