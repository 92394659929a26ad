package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three runners drain 3,000 rows from one provider (100 requests/s, 50–300 ms, rejections with the wait
 * for the next token) in a deterministic model: once sharing one limit group, as {@code LimitSharing}
 * composes each runner's pacer, once each with the default pacer of its own.
 *
 * <p>Before the group owned the request rate, each runner's shared pacer asked the runner's default
 * pacer after its share, and that pacer's own loop fell to 0.95 of what this runner alone was admitted
 * on every rate limit while the group decreased too: with a provider burst of 5 one runner ended after
 * 75.6 s (2.52 × N / R), with 10 after 1.07 × N / R. With the group alone but growing at a constant
 * factor, 1.09 and 1.04.
 */
class SharedLimitModelTest {

    private static final int RUNNERS = 3;
    private static final int ROWS_PER_RUNNER = 1_000;
    private static final double RATE = 100;

    private static SharedProviderModel.Run run(int providerBurst, Function<ManualTicker, List<Throttle>> runners) {
        ManualTicker ticker = new ManualTicker();
        return new SharedProviderModel(RATE, providerBurst, 50, 300).run(runners.apply(ticker), ticker,
                ROWS_PER_RUNNER, 120_000);
    }

    /** Each runner as the engine composes it in a limit group: the default strategy, the group's pacer. */
    private static List<Throttle> sharing(ManualTicker ticker) {
        GroupTable table = new GroupTable(GroupRule.defaults(), () -> ticker.nanoTime() / 1_000_000, 2_000);
        List<Throttle> runners = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            SharedLimitPacer pacer = new SharedLimitPacer(ConcurrencyStrategies.defaultTokenPacer(ticker),
                    table.join("runner-" + i), ticker);
            pacer.sync();
            runners.add(new Throttle(ConcurrencyStrategies.defaults(100, ticker).strategy(), pacer));
        }
        return runners;
    }

    private static List<Throttle> independent(ManualTicker ticker) {
        List<Throttle> runners = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            runners.add(ConcurrencyStrategies.defaults(100, ticker));
        }
        return runners;
    }

    @ParameterizedTest(name = "provider burst {0}")
    @ValueSource(ints = {5, 10})
    void runnersSharingTheGroupsRateFinishNearTheIdealAndRejectFewerCallsThanIndependentOnes(int providerBurst) {
        SharedProviderModel.Run shared = run(providerBurst, SharedLimitModelTest::sharing);
        SharedProviderModel.Run independent = run(providerBurst, SharedLimitModelTest::independent);
        double sharedRatio = shared.ratio(RUNNERS * ROWS_PER_RUNNER, RATE);
        String figures = String.format("shared: ratio %.3f, %s%nindependent: ratio %.3f, %s", sharedRatio, shared,
                independent.ratio(RUNNERS * ROWS_PER_RUNNER, RATE), independent);
        System.out.println(figures);

        assertThat(sharedRatio).as(figures).isLessThan(1.06);
        assertThat(shared.rejectedShare()).as(figures).isLessThan(0.035)
                .isLessThan(0.85 * independent.rejectedShare());
    }
}
