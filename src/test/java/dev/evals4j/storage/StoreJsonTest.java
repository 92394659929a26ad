package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreJsonTest {

    @Test
    void anEmptyListIsWrittenAsJacksonWritesItAndReadsBackEmpty() throws Exception {
        assertThat(StoreJson.write(List.of())).isEqualTo(new ObjectMapper().writeValueAsString(List.of()));
        assertThat(AttemptError.listFromJson(AttemptError.toJson(List.of()))).isEmpty();
        assertThat(ScoreRecord.listFromJson(ScoreRecord.toJson(List.of()))).isEmpty();
    }

    @Test
    void aListWithElementsGoesThroughTheSerializer() {
        List<AttemptError> history = List.of(new AttemptError("java.io.IOException", "reset", "at x"));

        assertThat(AttemptError.listFromJson(AttemptError.toJson(history))).isEqualTo(history);
    }
}
