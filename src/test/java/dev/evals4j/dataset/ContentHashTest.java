package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link ContentHash}: stable for JSON-writable columns, an error naming the row and type otherwise. */
class ContentHashTest {

    /** No properties: Jackson cannot write it, and its {@code toString()} is its identity. */
    static final class Opaque {}

    /** A bean whose getter throws. */
    public static final class Exploding {
        public String getValue() {
            throw new IllegalStateException("boom");
        }
    }

    record Wrapper(String name, Opaque inner) {}

    /** A bean that counts how often Jackson writes it. */
    public static final class Counted {
        private final AtomicInteger writes;

        Counted(AtomicInteger writes) {
            this.writes = writes;
        }

        public String getValue() {
            writes.incrementAndGet();
            return "v";
        }
    }

    @Test
    void equalContentHasEqualHashesWhateverTheColumnOrder() {
        Row first = new Row("a", 0, Map.of("q", "x", "n", 1), "f:1");
        Row second = new Row("b", 7, Map.of("n", 1, "q", "x"), "f:8");

        assertThat(first.contentHash()).isEqualTo(second.contentHash()).hasSize(64);
    }

    @Test
    void aRowIsHashedOnceWhenReadAndNotAgainWhenLookedUpOrRecorded() {
        AtomicInteger writes = new AtomicInteger();
        List<DatasetEntry> entries = DatasetFiles.readAll(Datasets.fromObjects(
                () -> List.of(Map.of("id", "r1", "v", new Counted(writes))), "Evals.rows()"));
        Row row = (Row) entries.get(0);
        assertThat(writes).as("checked as it is read").hasValue(1);

        String hash = row.contentHash();

        assertThat(row.contentHash()).isEqualTo(hash).isEqualTo(new Row("r2", 1, Map.of("v", Map.of("value", "v"),
                "id", "r1"), "x").contentHash());
        assertThat(writes).hasValue(1);
    }

    @Test
    void aColumnJacksonCannotWriteIsAnErrorNamingTheRowTheColumnAndTheType() {
        Row row = new Row("u1", 0, Map.of("payload", new Opaque()), "Evals.rows()[0]");

        assertThatThrownBy(row::contentHash).isInstanceOf(DatasetException.class)
                .hasMessageContaining("Evals.rows()[0]").hasMessageContaining("'u1'")
                .hasMessageContaining("'payload'").hasMessageContaining(Opaque.class.getName())
                .hasMessageContaining("serialise");
    }

    @Test
    void aMethodsElementThatCannotBeHashedIsMalformedNamingTheRowAndTheType() {
        List<DatasetEntry> entries = DatasetFiles.readAll(Datasets.fromObjects(() -> List.of(
                Map.of("id", "ok", "v", 1),
                Map.of("id", "nested", "v", new Wrapper("w", new Opaque())),
                Map.of("id", "throws", "v", new Exploding())), "Evals.rows()"));

        assertThat(entries.get(0)).isInstanceOf(Row.class);
        assertThat(entries.get(1)).isInstanceOfSatisfying(MalformedEntry.class, malformed -> assertThat(
                malformed.message()).contains("'nested'").contains("'v'").contains(Wrapper.class.getName())
                .contains(Opaque.class.getName()));
        assertThat(entries.get(2)).isInstanceOfSatisfying(MalformedEntry.class, malformed -> assertThat(
                malformed.message()).contains("'throws'").contains(Exploding.class.getName()).contains("boom"));
    }
}
