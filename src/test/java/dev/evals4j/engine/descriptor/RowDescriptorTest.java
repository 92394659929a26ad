package dev.evals4j.engine.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

class RowDescriptorTest {

    private final ForEachMethodDescriptor method;

    RowDescriptorTest() throws NoSuchMethodException {
        method = new ForEachMethodDescriptor(UniqueId.forEngine("evals4j").append("class", PlainEvals.class.getName()),
                PlainEvals.class, PlainEvals.class.getMethod("answers", String.class, String.class));
    }

    /** The preview as a stream of regular expressions writes it, for comparison. */
    private static String joinedAndCut(Map<String, ?> columns) {
        String text = columns.entrySet().stream()
                .filter(e -> !e.getKey().equals("id"))
                .map(e -> e.getKey() + "=" + String.valueOf(e.getValue()).replaceAll("\\s+", " "))
                .collect(Collectors.joining(", "));
        return text.length() <= RowDescriptor.PREVIEW_LENGTH ? text
                : text.substring(0, RowDescriptor.PREVIEW_LENGTH - 1) + "\u2026";
    }

    private static Map<String, Object> columns(Object... namesAndValues) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }

    @Test
    void thePreviewShowsTheColumnsButTheIdWithWhitespaceCollapsedAndCut() {
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("answer", null);
        List<Map<String, ?>> cases = List.of(Map.of(), Map.of("id", "r1"), columns("id", "r1", "q", "a  b\t\n c"),
                columns("q", " lead and trail \r\n", "n", 12), nullValue,
                columns("q", "x".repeat(58) + " \t \n" + "y".repeat(10)), columns("q", "x".repeat(57) + "\n\n\nz"),
                columns("question", "word ".repeat(5_000), "answer", "never shown"),
                columns("a", "1", "b", "2", "c", "x".repeat(40), "d", "y".repeat(30), "id", "last"),
                columns("q", "x".repeat(60)), columns("q", "x".repeat(58)), columns("q", "\u000B\f tabs"));

        assertThat(cases).allSatisfy(columns -> assertThat(RowDescriptor.preview(columns))
                .isEqualTo(joinedAndCut(columns)));
    }

    @Test
    void aRowWithNothingToShowButItsIdIsNamedByTheIdItselfNotACopy() {
        String rowId = new String("r42");

        RowDescriptor row = RowDescriptor.of(method, new RowKey(rowId, 0), Map.of("id", rowId), false, "",
                Optional.empty());

        assertThat(row.getDisplayName()).isSameAs(rowId);
        assertThat(RowDescriptor.of(method, new RowKey(rowId, 2), Map.of("q", "x"), true, "\u2717 s=0",
                Optional.empty()).getDisplayName()).isEqualTo("r42 #2 \u2717 s=0 (restored)" + RowDescriptor.SEPARATOR + "q=x");
    }

    @Test
    void aRowIsALeafOfItsMethodThatKnowsItsKeyAndCanBeRemoved() {
        RowDescriptor row = RowDescriptor.of(method, new RowKey("r1", 3), Map.of("q", "x"));
        RowDescriptor other = RowDescriptor.of(method, new RowKey("r2", 0), Map.of());

        method.addChild(row);
        method.addChild(other);

        assertThat(row.getParent()).containsSame(method);
        assertThat(row.key()).isEqualTo(new RowKey("r1", 3));
        assertThat(other.key()).isEqualTo(new RowKey("r2", 0));
        assertThat(row.getChildren()).isEmpty();
        assertThat(row.getType()).isEqualTo(TestDescriptor.Type.TEST);
        assertThat(row.getLegacyReportingName()).isEqualTo(row.getDisplayName());
        assertThat(method.findByUniqueId(row.getUniqueId()).<TestDescriptor>map(d -> d)).containsSame(row);
        assertThat(row).isEqualTo(RowDescriptor.of(method, new RowKey("r1", 3), Map.of())).isNotEqualTo(other)
                .hasSameHashCodeAs(RowDescriptor.of(method, new RowKey("r1", 3), Map.of()));
        assertThatThrownBy(() -> row.addChild(other)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("[row:r1]").hasMessageContaining("[row:r2]");

        row.removeFromHierarchy();

        assertThat(List.<TestDescriptor>copyOf(method.getChildren())).containsExactly(other);
        assertThat(row.getParent()).isEmpty();
    }
}
