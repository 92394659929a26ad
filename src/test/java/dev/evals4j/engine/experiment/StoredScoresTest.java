package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.api.Result;
import dev.evals4j.api.Score;
import dev.evals4j.engine.run.ReturnValues;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.storage.ScoreRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredScoresTest {

    @Test
    void eachScoreKeepsItsValueAndAFailedScoreItsDescription() {
        RowOutcome outcome = ReturnValues.normalize(Result.of("4", Score.pass("format"),
                Score.fail("exact", "expected 5")));

        List<ScoreRecord> scores = StoredScores.of(outcome);

        assertThat(scores).containsExactly(new ScoreRecord("format", 1.0, true, null),
                new ScoreRecord("exact", 0.0, false, "exact=0.000 (expected 5)"));
        assertThat(StoredScores.values(scores)).containsExactly(
                java.util.Map.entry("format", 1.0), java.util.Map.entry("exact", 0.0));
        assertThat(StoredScores.failures(scores)).containsExactly("exact=0.000 (expected 5)");
    }

    @Test
    void aFailureNoScoreExplainsIsStoredAsTheVerdictScore() {
        List<ScoreRecord> scores = StoredScores.of(ReturnValues.normalize(false));

        assertThat(scores).containsExactly(new ScoreRecord(StoredScores.VERDICT, 0.0, false, "the method returned false"));
        assertThat(StoredScores.values(scores)).isEmpty();
        assertThat(StoredScores.failures(scores)).containsExactly("the method returned false");
    }

    @Test
    void aPassingOutcomeWithoutScoresStoresNone() {
        assertThat(StoredScores.of(ReturnValues.normalize(null))).isEmpty();
    }
}
