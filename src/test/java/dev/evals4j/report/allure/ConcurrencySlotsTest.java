package dev.evals4j.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConcurrencySlotsTest {

    private final ConcurrencySlots slots = new ConcurrencySlots();

    @Test
    void overlappingRowsTakeDistinctSlotsCountingFromOne() {
        assertThat(new int[] {slots.take(0, 10), slots.take(1, 11), slots.take(2, 12)}).containsExactly(1, 2, 3);
    }

    @Test
    void aRowTakesTheLowestSlotWhoseRowsHadEndedWhenItStarted() {
        slots.take(0, 5);
        slots.take(1, 8);
        slots.take(2, 9);

        assertThat(slots.take(8, 12)).as("slot 1 ended at 5, slot 2 at 8").isEqualTo(1);
        assertThat(slots.take(9, 13)).as("slot 1 is busy until 12").isEqualTo(2);
        assertThat(slots.take(7, 14)).as("started before every slot's last end").isEqualTo(4);
    }

    @Test
    void aRowThatStartedInTheMillisecondAnotherEndedDoesNotShareItsSlot() {
        slots.take(0, 5);

        assertThat(slots.take(5, 6)).isEqualTo(2);
        assertThat(slots.take(6, 7)).isEqualTo(1);
    }
}
