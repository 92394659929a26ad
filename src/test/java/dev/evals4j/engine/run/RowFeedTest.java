package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.dataset.DatasetEntry;
import dev.evals4j.dataset.MalformedEntry;
import dev.evals4j.dataset.Row;
import dev.evals4j.engine.descriptor.RowKey;
import dev.evals4j.engine.descriptor.RowSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFeedTest {

    private static Row row(String id, long index) {
        return new Row(id, index, Map.of("q", id), "d.jsonl:" + (index + 1));
    }

    private static final List<DatasetEntry> ENTRIES = List.of(row("a", 0), new MalformedEntry(1, "d.jsonl:2", "bad json"),
            row("b", 2), row("c", 3));

    private static List<String> drain(RowFeed feed) {
        List<String> out = new ArrayList<>();
        feed.forEachRemaining(item -> out.add(item.key().rowId() + "/" + item.key().repetition()));
        return out;
    }

    private static RowSelection all() {
        RowSelection selection = new RowSelection();
        selection.selectAll();
        return selection;
    }

    @Test
    void divertsMalformedEntriesAndKeepsTheOtherRows() {
        List<MalformedEntry> malformed = new ArrayList<>();
        RowFeed feed = new RowFeed(ENTRIES.iterator(), 0, all(), 1, malformed::add);

        assertThat(feed.peekRow().id()).isEqualTo("a");
        assertThat(drain(feed)).containsExactly("a/0", "b/0", "c/0");
        assertThat(malformed).extracting(MalformedEntry::location).containsExactly("d.jsonl:2");
    }

    @Test
    void limitCountsDatasetEntries() {
        List<MalformedEntry> malformed = new ArrayList<>();
        assertThat(drain(new RowFeed(ENTRIES.iterator(), 3, all(), 1, malformed::add))).containsExactly("a/0", "b/0");
    }

    @Test
    void repeatsEachRowAndSelectsSingleRepetitions() {
        assertThat(drain(new RowFeed(ENTRIES.iterator(), 0, all(), 2, m -> {})))
                .containsExactly("a/1", "a/2", "b/1", "b/2", "c/1", "c/2");

        RowSelection selection = new RowSelection();
        selection.select(new RowKey("b", 0));
        selection.select(new RowKey("c", 2));
        List<MalformedEntry> malformed = new ArrayList<>();
        assertThat(drain(new RowFeed(ENTRIES.iterator(), 0, selection, 2, malformed::add)))
                .containsExactly("b/1", "b/2", "c/2");
        assertThat(malformed).isEmpty();
    }
}
