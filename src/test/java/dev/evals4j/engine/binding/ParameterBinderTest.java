package dev.evals4j.engine.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.api.Column;
import dev.evals4j.api.EvalContext;
import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.dataset.Row;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterBinderTest {

    static final List<String> CLOSED = new ArrayList<>();

    record Client(String name) implements AutoCloseable {
        @Override
        public void close() {
            CLOSED.add(name);
        }
    }

    record Point(int x, int y) {}

    static class Evals {
        @Fixture
        Client model = new Client("model");

        @Fixture("judge")
        Client makeJudge() {
            return new Client("judge");
        }

        @Fixture
        static int seed() {
            return 42;
        }

        @ForEach(dataset = "d.jsonl")
        void byName(String question, int answer, Client model, EvalContext context) {}

        @ForEach(value = "q, a", dataset = "d.jsonl")
        void byPosition(String first, long second, @Column("point") Point p, List<Integer> tags) {}

        @ForEach(dataset = "d.jsonl")
        void typedFixture(Client someClient, int seed) {}

        @ForEach(value = "a,b,c", dataset = "d.jsonl")
        void tooManyColumns(String a) {}

        @ForEach(dataset = "d.jsonl")
        void wrongFixtureType(String model) {}
    }

    private static Method method(String name) {
        for (Method m : Evals.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static MethodBinding bind(String name, Fixtures fixtures) {
        Method m = method(name);
        return new ParameterBinder().bind(m, m.getAnnotation(ForEach.class), fixtures);
    }

    private static Row row(Map<String, Object> columns) {
        return new Row("r1", 0, new LinkedHashMap<>(columns), "d.jsonl:1");
    }

    @Test
    void bindsColumnsByNameFixturesByNameAndTheContextByType() {
        Fixtures fixtures = Fixtures.create(Evals.class, new Evals());
        MethodBinding binding = bind("byName", fixtures);
        EvalContext context = new EvalContext() {
            public String rowId() { return "r1"; }
            public long index() { return 0; }
            public int repetition() { return 1; }
            public int attempt() { return 1; }
            public void publish(String key, String value) {}
        };

        Object[] args = binding.arguments(row(Map.of("question", "2+2?", "answer", "4")), context);

        assertThat(binding.columns()).containsExactly("question", "answer");
        assertThat(args).containsExactly("2+2?", 4, new Client("model"), context);
    }

    @Test
    void bindsValueColumnsInOrderAndConvertsStructuredValues() {
        MethodBinding binding = bind("byPosition", Fixtures.none());

        Object[] args = binding.arguments(row(Map.of("q", "x", "a", 7, "point", Map.of("x", 1, "y", 2),
                "tags", List.of("1", "2"))), null);

        assertThat(args).containsExactly("x", 7L, new Point(1, 2), List.of(1, 2));
    }

    @Test
    void bindsTheOnlyFixtureOfATypeAndValueTypesOnlyByName() {
        Fixtures fixtures = Fixtures.create(Evals.class, new Evals());
        assertThatThrownBy(() -> bind("typedFixture", fixtures))
                .hasMessageContaining("matches 2 fixtures by type ([model, judge])");

        class OneClient {
            @Fixture
            Client only = new Client("only");
        }
        MethodBinding binding = bind("typedFixture", Fixtures.create(OneClient.class, new OneClient()));
        assertThat(binding.arguments(row(Map.of("seed", 7)), null)).containsExactly(new Client("only"), 7);
    }

    @Test
    void conversionErrorNamesRowColumnParameterAndType() {
        MethodBinding binding = bind("byName", Fixtures.create(Evals.class, new Evals()));

        assertThatThrownBy(() -> binding.arguments(row(Map.of("question", "q", "answer", "four")), null))
                .isInstanceOf(RowBindingException.class)
                .hasMessageContaining("\"four\"")
                .hasMessageContaining("to int")
                .hasMessageContaining("row 'r1' (d.jsonl:1), column 'answer', parameter 'answer' of Evals.byName");
    }

    @Test
    void missingColumnInARowFailsTheRowAndInTheFirstRowFailsTheMethod() {
        MethodBinding binding = bind("byName", Fixtures.create(Evals.class, new Evals()));

        assertThatThrownBy(() -> binding.arguments(row(Map.of("question", "q")), null))
                .isInstanceOf(RowBindingException.class)
                .hasMessageContaining("has no column 'answer'");
        Map<String, Object> firstRow = new LinkedHashMap<>();
        firstRow.put("question", "q");
        firstRow.put("other", 1);
        assertThatThrownBy(() -> binding.checkColumns(row(firstRow), "qa.jsonl"))
                .isInstanceOf(EvalDefinitionException.class)
                .hasMessage("Dataset qa.jsonl has no column answer needed by Evals.byName; its columns are [question, other]");
    }

    @Test
    void definitionErrorsNameTheMethodAndParameter() {
        Fixtures fixtures = Fixtures.create(Evals.class, new Evals());
        assertThatThrownBy(() -> bind("tooManyColumns", fixtures))
                .isInstanceOf(EvalDefinitionException.class)
                .hasMessageContaining("lists 3 columns but the method has only 1 parameters");
        assertThatThrownBy(() -> bind("wrongFixtureType", fixtures))
                .isInstanceOf(EvalDefinitionException.class)
                .hasMessageContaining("Parameter 'model' of Evals.wrongFixtureType is a java.lang.String");
    }

    @Test
    void closesCloseableFixturesInReverseOrder() throws Exception {
        CLOSED.clear();
        Fixtures.create(Evals.class, new Evals()).close();
        assertThat(CLOSED).containsExactly("judge", "model");
    }

    static class BrokenFixture {
        @Fixture
        Client first = new Client("first");

        @Fixture
        Client broken() {
            throw new IllegalStateException("no API key");
        }
    }

    @Test
    void aFailingFixtureNamesItselfAndClosesTheOnesBeforeIt() {
        CLOSED.clear();
        assertThatThrownBy(() -> Fixtures.create(BrokenFixture.class, new BrokenFixture()))
                .isInstanceOf(EvalDefinitionException.class)
                .hasMessageContaining("@Fixture method BrokenFixture.broken() failed")
                .hasMessageContaining("no API key");
        assertThat(CLOSED).containsExactly("first");
    }
}
