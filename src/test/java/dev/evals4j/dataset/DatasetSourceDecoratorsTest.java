package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetSourceDecoratorsTest {

    private final DatasetSource source = Datasets.fromObjects(() -> Arrays.asList(
            Map.of("id", "a"), Map.of("id", "b"), new Object(), Map.of("id", "d")), "letters");

    @Test
    void limitKeepsTheFirstEntriesMalformedOnesIncluded() {
        assertThat(DatasetFiles.readAll(source.limit(3))).extracting(DatasetEntry::index).containsExactly(0L, 1L, 2L);
        assertThat(DatasetFiles.readAll(source.limit(0))).isEmpty();
        assertThat(DatasetFiles.readAll(source.limit(100))).hasSize(4);
        assertThat(source.limit(3).description()).isEqualTo("letters, first 3 entries");
    }

    @Test
    void aNegativeLimitIsRejected() {
        assertThatThrownBy(() -> source.limit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void aRowIdFilterKeepsRowsAndMalformedEntriesByTheirId() {
        List<DatasetEntry> kept = DatasetFiles.readAll(source.filter(RowIdFilter.of("d", "2")));

        assertThat(kept).hasSize(2);
        assertThat(kept.get(0)).isInstanceOf(MalformedEntry.class);
        assertThat(((Row) kept.get(1)).id()).isEqualTo("d");
        assertThat(source.filter(new RowIdFilter(Set.of("b", "a"))).description())
                .isEqualTo("letters, filtered by row ids [a, b]");
    }

    @Test
    void filtersAndLimitsCompose() {
        DatasetSource rowsOnly = source.filter(Row.class::isInstance).limit(3);

        assertThat(DatasetFiles.readAll(rowsOnly)).extracting(DatasetEntry::index).containsExactly(0L, 1L, 3L);
    }
}
