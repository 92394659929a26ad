package dev.evals4j.report.allure;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.TestResult;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The test results that stand in for rows while their attempts run. A row's own Allure result is made
 * by Allure's JUnit listener on the engine thread when the row is reported started, which may be after
 * its first attempt ran (and, under a {@code @Threshold}, after its last one), so an attempt makes a
 * stand-in its thread's current test case instead, and what the eval reported to it is moved into the
 * row's result later. Allure cannot drop a scheduled test result without writing it, so stand-ins are
 * never written: they are scheduled once, in the lifecycle they serve, and reused, so a lifecycle holds
 * no more of them than attempts ever ran at once. Their name says what they are to any
 * {@code TestLifecycleListener} that sees them scheduled.
 *
 * <p>Thread-safe. The stand-ins of a lifecycle are kept as long as the lifecycle is reachable, and no longer:
 * they do not refer to it.
 */
final class StandIns {

    /** The name of every stand-in. */
    static final String NAME = "evals4j attempt in progress";

    private static final Map<AllureLifecycle, StandIns> BY_LIFECYCLE = new WeakHashMap<>();

    private final Queue<String> idle = new ConcurrentLinkedQueue<>();

    private StandIns() {}

    /** The stand-ins of {@code lifecycle}. */
    static StandIns of(AllureLifecycle lifecycle) {
        synchronized (BY_LIFECYCLE) {
            return BY_LIFECYCLE.computeIfAbsent(lifecycle, unused -> new StandIns());
        }
    }

    /**
     * The uuid of an idle stand-in, scheduled in {@code lifecycle} (the one these stand-ins are {@linkplain #of of})
     * if none is idle; it is the caller's until {@link #release}.
     */
    String take(AllureLifecycle lifecycle) {
        String uuid = idle.poll();
        if (uuid == null) {
            uuid = UUID.randomUUID().toString();
            lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(NAME));
        }
        return uuid;
    }

    /** Makes the stand-in {@code uuid}, emptied by its user, idle again. */
    void release(String uuid) {
        idle.add(uuid);
    }
}
