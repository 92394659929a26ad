package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ObjectSourceTest {

    record Question(String id, String question, int answer) {}

    private record Hidden(String secret) {}

    @Test
    void mapsBecomeRowsWithTheirKeysAsColumnsInOrder() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("question", "2+2?");
        first.put("answer", 4);
        first.put("id", "q1");
        DatasetSource source = Datasets.fromObjects(() -> Stream.of(first, Map.of("question", "3+3?")), "Evals.rows()");

        List<Row> rows = DatasetFiles.rows(source);

        assertThat(rows.get(0).columnNames()).containsExactly("question", "answer", "id");
        assertThat(rows).extracting(Row::id).containsExactly("q1", "1");
        assertThat(rows).extracting(Row::location).containsExactly("Evals.rows()[0]", "Evals.rows()[1]");
        assertThat(source.description()).isEqualTo("Evals.rows()");
        assertThat(source.fingerprint()).isEmpty();
    }

    @Test
    void recordsBecomeRowsByComponentNameInDeclarationOrder() {
        DatasetSource source = Datasets.fromObjects(
                () -> List.of(new Question("a", "2+2?", 4), new Question("b", "3+3?", 6)), "records");

        List<Row> rows = DatasetFiles.rows(source);

        assertThat(rows.get(0).columnNames()).containsExactly("id", "question", "answer");
        assertThat(rows).extracting(Row::id).containsExactly("a", "b");
        assertThat(rows.get(1).get("answer")).isEqualTo(6);
        assertThat(DatasetFiles.rows(Datasets.fromObjects(() -> List.of(new Hidden("x")), "private")))
                .singleElement().satisfies(row -> assertThat(row.get("secret")).isEqualTo("x"));
    }

    @Test
    void arraysAndListsAreNamedByTheColumnNamesOrByPosition() {
        Object[][] pairs = {{"2+2?", 4}, {"3+3?", null}};
        List<Row> named = DatasetFiles.rows(Datasets.fromObjects(() -> pairs, List.of("question", "answer"), "named"));
        List<Row> positional = DatasetFiles.rows(Datasets.fromObjects(
                () -> Stream.of(List.of("x", "y"), new int[] {1, 2, 3}), "positional"));

        assertThat(named.get(0).columns()).containsExactly(Map.entry("question", "2+2?"), Map.entry("answer", 4));
        assertThat(named.get(1).get("answer")).isNull();
        assertThat(positional.get(0).columnNames()).containsExactly("c0", "c1");
        assertThat(positional.get(1).columns()).containsEntry("c2", 3);
    }

    @Test
    void aValueCountThatDoesNotMatchTheColumnNamesIsMalformed() {
        DatasetSource source = Datasets.fromObjects(
                () -> List.of(List.of("q", 1), List.of("only one")), List.of("question", "answer"), "Evals.rows()");

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries.get(1)).isEqualTo(new MalformedEntry(1, "Evals.rows()[1]",
                "element 1 has 1 values but 2 column names are given [question, answer]"));
    }

    @Test
    void scalarsAreOneColumnNamedValueOrByTheOnlyColumnName() {
        assertThat(DatasetFiles.rows(Datasets.fromObjects(() -> Stream.of("a", 2, true), "scalars")))
                .extracting(row -> row.columns()).containsExactly(Map.of("value", "a"), Map.of("value", 2),
                        Map.of("value", true));
        assertThat(DatasetFiles.rows(Datasets.fromObjects(() -> List.of("a"), List.of("question"), "named")))
                .singleElement().satisfies(row -> assertThat(row.columnNames()).containsExactly("question"));
    }

    @Test
    void anElementThatCannotBeARowIsMalformedNamingItsIndexAndType() {
        Map<Object, Object> numberKeys = Map.of(1, "x");
        DatasetSource source = Datasets.fromObjects(
                () -> Arrays.asList("fine", new StringBuilder("also fine"), new Object(), null, numberKeys), "Evals.rows()");

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).hasSize(5);
        assertThat(entries.subList(0, 2)).allMatch(Row.class::isInstance);
        assertThat(entries.get(2)).isInstanceOfSatisfying(MalformedEntry.class, malformed -> {
            assertThat(malformed.location()).isEqualTo("Evals.rows()[2]");
            assertThat(malformed.message()).isEqualTo("element 2 is a java.lang.Object; expected a Map with string"
                    + " keys, a record, an array, a List or a scalar value");
        });
        assertThat(((MalformedEntry) entries.get(3)).message()).startsWith("element 3 is null");
        assertThat(((MalformedEntry) entries.get(4)).message())
                .isEqualTo("element 4 is a map with the key 1 (java.lang.Integer); column names must be strings");
    }

    @Test
    void iteratorsAndInfiniteStreamsAreReadLazily() {
        AtomicInteger produced = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (produced.get() >= 10) {
                    throw new AssertionError("read past what was consumed");
                }
                return produced.getAndIncrement();
            }
        };
        DatasetSource source = Datasets.fromObjects(() -> endless, "endless");

        assertThat(DatasetFiles.readAll(source.limit(3))).hasSize(3);
        assertThat(produced).hasValue(3);
        assertThat(DatasetFiles.readAll(Datasets.fromObjects(() -> Stream.iterate(0, i -> i + 1), "naturals")
                .limit(5))).extracting(DatasetEntry::index).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void theSupplierIsCalledOnEachOpenAndItsStreamIsClosedWithOurs() {
        AtomicInteger calls = new AtomicInteger();
        List<AtomicBoolean> closed = new ArrayList<>();
        DatasetSource source = Datasets.fromObjects(() -> {
            calls.incrementAndGet();
            AtomicBoolean flag = new AtomicBoolean();
            closed.add(flag);
            return Stream.of("a").onClose(() -> flag.set(true));
        }, "closing");

        DatasetFiles.readAll(source);
        DatasetFiles.readAll(source);

        assertThat(calls).hasValue(2);
        assertThat(closed).allMatch(AtomicBoolean::get);
    }

    @Test
    void aSupplierThatReturnsSomethingElseOrThrowsFailsToOpen() {
        assertThatThrownBy(() -> Datasets.fromObjects(() -> 42, "Evals.rows()").open())
                .isInstanceOf(DatasetException.class)
                .hasMessage("Evals.rows() returned a java.lang.Integer; a rows method must return a Stream,"
                        + " an Iterable, an Iterator or an array of rows");
        assertThatThrownBy(() -> Datasets.fromObjects(() -> null, "Evals.rows()").open())
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("Evals.rows() returned null");
        IllegalStateException failure = new IllegalStateException("no data today");
        assertThatThrownBy(() -> Datasets.fromObjects(() -> {
            throw failure;
        }, "Evals.rows()").open())
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("The rows of Evals.rows() could not be produced")
                .hasCause(failure);
    }
}
