package dev.evals4j.report.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConcurrencySlotsTest {

    private final ConcurrencySlots slots = new ConcurrencySlots();

    @Test
    void overlappingRowsTakeDistinctSlotsCountingFromOne() {
        assertThat(new int[] {slots.take(), slots.take(), slots.take()}).containsExactly(1, 2, 3);
    }

    @Test
    void aStartingRowTakesTheLowestFreedSlot() {
        slots.take();
        int second = slots.take();
        slots.take();

        slots.free(second);

        assertThat(slots.take()).isEqualTo(2);
        assertThat(slots.take()).isEqualTo(4);
    }

    @Test
    void freeingASlotThatIsNotTakenIsABug() {
        int slot = slots.take();
        slots.free(slot);

        assertThatThrownBy(() -> slots.free(slot)).isInstanceOf(IllegalStateException.class).hasMessage("slot 1 is not taken");
        assertThatThrownBy(() -> slots.free(0)).isInstanceOf(IllegalStateException.class);
    }
}
