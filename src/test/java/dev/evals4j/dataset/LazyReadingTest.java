package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that file loaders stream: after the first rows are read, the file is cut to nothing in
 * place. A lazy reader then finds the end after its small buffer; one that had read the file
 * up front would still yield all of it.
 */
class LazyReadingTest {

    private static final int LINES = 200_000;

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"big.jsonl", "big.json", "big.csv"})
    void readsOnlyWhatIsConsumed(String fileName) throws IOException {
        Path file = directory.resolve(fileName);
        write(file, fileName);
        DatasetSource source = Datasets.resolve(fileName, getClass().getClassLoader(), directory);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Stream<DatasetEntry> entries = source.open()) {
                Iterator<DatasetEntry> iterator = entries.iterator();
                List<DatasetEntry> firstThree = List.of(iterator.next(), iterator.next(), iterator.next());
                assertThat(firstThree).extracting(entry -> ((Row) entry).get("question"))
                        .containsExactly("question 0", "question 1", "question 2");

                truncate(file);
                long rest = 0;
                while (iterator.hasNext()) {
                    iterator.next();
                    rest++;
                }
                assertThat(rest).as("entries read after the file was cut").isLessThan(10_000);
            }
        });
    }

    private static void write(Path file, String fileName) throws IOException {
        IntFunction<String> line;
        String head = "";
        String tail = "";
        if (fileName.endsWith(".csv")) {
            head = "id,question\n";
            line = i -> i + ",question " + i + "\n";
        } else if (fileName.endsWith(".jsonl")) {
            line = i -> "{\"id\": " + i + ", \"question\": \"question " + i + "\"}\n";
        } else {
            head = "[\n";
            line = i -> (i == 0 ? "" : ",") + "{\"id\": " + i + ", \"question\": \"question " + i + "\"}\n";
            tail = "]\n";
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(head);
            for (int i = 0; i < LINES; i++) {
                writer.write(line.apply(i));
            }
            writer.write(tail);
        }
    }

    private static void truncate(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }
}
