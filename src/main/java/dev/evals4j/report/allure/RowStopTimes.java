package dev.evals4j.report.allure;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.TestResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Gives a row's Allure test result the time its row really ended. Allure stamps a test result's stop
 * time when JUnit reports it finished, which for a row is when the engine thread got round to it, a
 * little after the row ended; this listener, registered with Allure through its {@code ServiceLoader}
 * entry, puts the real time back right after Allure's stamp. The bridge {@linkplain #expect expects} a
 * stop time for each row it fills; the time is used once and forgotten.
 *
 * <p>Thread-safe: the expected times are shared by every Allure lifecycle of the JVM.
 */
@API(status = INTERNAL, since = "0.1")
public final class RowStopTimes implements TestLifecycleListener {

    private static final Map<String, Long> EXPECTED = new ConcurrentHashMap<>();

    /** Created by Allure's {@code ServiceLoader}. */
    public RowStopTimes() {}

    /** The test result {@code uuid} is to stop at {@code stopMillis} (epoch milliseconds) when Allure stops it. */
    static void expect(String uuid, long stopMillis) {
        EXPECTED.put(uuid, stopMillis);
    }

    /** Replaces the stop time Allure just stamped on {@code result} by its row's real end, if the bridge gave one. */
    @Override
    public void afterTestStop(TestResult result) {
        Long stop = EXPECTED.remove(result.getUuid());
        if (stop != null) {
            result.setStop(stop);
        }
    }
}
