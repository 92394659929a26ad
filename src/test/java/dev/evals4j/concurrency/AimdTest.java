package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AimdTest {

    private static final long LATENCY = Duration.ofMillis(100).toNanos();

    private final ManualTicker ticker = new ManualTicker();

    private Aimd aimd(int max, double initial) {
        return new Aimd(max, initial, ticker);
    }

    private void succeed(Aimd aimd) {
        aimd.onSuccess(ticker.nanoTime() - LATENCY, LATENCY);
    }

    /** Ends the current 5 s window; the next event or limit() call closes it. */
    private void endWindow() {
        ticker.advanceSeconds(5);
    }

    @Test
    void aCleanWindowAddsHalfAPermitToTheTarget() {
        Aimd aimd = aimd(10, 1);
        succeed(aimd);

        endWindow();

        assertThat(aimd.limit()).isEqualTo(1);
        assertThat(aimd.target()).isEqualTo(1.5);
    }

    @Test
    void anErrorWindowHalvesTheTarget() {
        Aimd aimd = aimd(10, 8);
        succeed(aimd);
        aimd.onError(ticker.nanoTime());

        endWindow();

        assertThat(aimd.limit()).isEqualTo(4);
    }

    @Test
    void aTimeoutWindowHalvesTheTarget() {
        Aimd aimd = aimd(10, 8);
        aimd.onTimeout(ticker.nanoTime());

        endWindow();

        assertThat(aimd.limit()).isEqualTo(4);
    }

    @Test
    void aRateLimitCountsAsAnError() {
        Aimd aimd = aimd(10, 8);
        aimd.onRateLimited(ticker.nanoTime());

        endWindow();

        assertThat(aimd.limit()).isEqualTo(4);
    }

    @Test
    void nothingChangesBeforeTheWindowEnds() {
        Aimd aimd = aimd(10, 8);
        succeed(aimd);
        aimd.onError(ticker.nanoTime());

        ticker.advance(Duration.ofMillis(4_999));

        assertThat(aimd.limit()).isEqualTo(8);
        assertThat(aimd.target()).isEqualTo(8);
    }

    @Test
    void anEventAfterTheWindowEndClosesItAndCountsInTheNextWindow() {
        Aimd aimd = aimd(10, 2);
        succeed(aimd);
        endWindow();

        aimd.onError(ticker.nanoTime());

        assertThat(aimd.target()).as("the clean window was closed by the late error").isEqualTo(2.5);
        endWindow();
        assertThat(aimd.target()).as("the error belongs to the following window").isEqualTo(2.5);
        assertThat(aimd.limit()).isEqualTo(1);
    }

    @Test
    void aWindowWithoutAnyOutcomeChangesNothing() {
        Aimd aimd = aimd(10, 3);

        endWindow();
        endWindow();

        assertThat(aimd.limit()).isEqualTo(3);
        assertThat(aimd.target()).isEqualTo(3);
    }

    @Test
    void neverPassesTheMaximum() {
        Aimd aimd = aimd(3, 2);
        for (int window = 0; window < 10; window++) {
            succeed(aimd);
            endWindow();
            assertThat(aimd.limit()).isLessThanOrEqualTo(3);
        }
        assertThat(aimd.target()).isEqualTo(3);
    }

    @Test
    void theEffectiveLimitIsTheFloorOfTheTargetAndAtLeastOne() {
        Aimd aimd = aimd(10, 3);
        succeed(aimd);
        endWindow();
        assertThat(aimd.limit()).isEqualTo(3);
        assertThat(aimd.target()).isEqualTo(3.5);

        Aimd low = aimd(10, 1);
        low.onError(ticker.nanoTime());
        endWindow();
        assertThat(low.limit()).isEqualTo(1);
        assertThat(low.target()).isEqualTo(1);
    }

    @Test
    void aBurstOfErrorsCollapsesToOneAtOnce() {
        Aimd aimd = aimd(10, 6);

        aimd.onError(ticker.nanoTime());
        assertThat(aimd.limit()).isEqualTo(6);
        ticker.advanceMillis(100);
        aimd.onRateLimited(ticker.nanoTime());

        assertThat(aimd.limit()).as("before the window ends").isEqualTo(1);
    }

    @Test
    void errorsFurtherApartThanTheCollapseWindowDoNotCollapse() {
        Aimd aimd = aimd(100, 64);
        aimd.onError(ticker.nanoTime());
        ticker.advanceSeconds(16);
        aimd.onError(ticker.nanoTime());

        assertThat(aimd.limit()).isEqualTo(32);
    }

    @Test
    void noWindUpAfterALongCleanPeriodOneErrorWindowLowersTheLimit() {
        Aimd aimd = aimd(10, 1);
        for (int window = 0; window < 1_000; window++) {
            succeed(aimd);
            endWindow();
        }
        assertThat(aimd.limit()).isEqualTo(10);

        aimd.onError(ticker.nanoTime());
        endWindow();

        assertThat(aimd.limit()).isEqualTo(5);
    }

    @Test
    void smoothsLatencyWithFactorPointTwo() {
        Aimd aimd = aimd(10, 1);
        assertThat(aimd.smoothedLatencyNanos()).isEmpty();

        aimd.onSuccess(ticker.nanoTime(), 100);
        aimd.onSuccess(ticker.nanoTime(), 200);

        assertThat(aimd.smoothedLatencyNanos()).hasValue(120);
    }

    @Test
    void exposesTheSeedDefaults() {
        Aimd aimd = aimd(10, 1);
        assertThat(aimd.inactiveCheckInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(aimd.maxConcurrency()).isEqualTo(10);
        assertThat(aimd.name()).isEqualTo("aimd");
    }

    @Test
    void rejectsInvalidSettingsWithTheirNameAndValue() {
        assertThatThrownBy(() -> aimd(0, 1)).hasMessageContaining("maxConcurrency").hasMessageContaining("0");
        assertThatThrownBy(() -> aimd(5, 6)).hasMessageContaining("initialTarget must be in [1, 5]");
        assertThatThrownBy(() -> Aimd.builder(5, 1).decreaseRatio(1.5))
                .hasMessageContaining("decreaseRatio must be in (0, 1), was 1.5");
        assertThatThrownBy(() -> Aimd.builder(5, 1).window(Duration.ZERO)).hasMessageContaining("window");
    }
}
