package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.api.JudgeReplyException;
import dev.evals4j.api.spi.Classification;
import dev.evals4j.api.spi.FailureClassifier;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The order classifiers are asked in: the user's in their order, then the built-in ones; the first answer wins. */
class ClassifierChainTest {

    private static final FailureClassifier IO_IS_PERMANENT =
            t -> t instanceof IOException ? Optional.of(Classification.permanent()) : Optional.empty();
    private static final FailureClassifier IO_IS_RATE_LIMITED =
            t -> t instanceof IOException ? Optional.of(Classification.rateLimited(Duration.ofSeconds(3))) : Optional.empty();

    @Test
    void theUsersClassifiersAreAskedBeforeTheBuiltInOnesAndInTheirOrder() {
        IOException failure = new IOException("reset");

        assertThat(ClassifierChain.builtIns().classify(failure)).isEqualTo(Classification.transientError());
        assertThat(ClassifierChain.of(List.of(IO_IS_PERMANENT, IO_IS_RATE_LIMITED)).classify(failure))
                .isEqualTo(Classification.permanent());
        assertThat(ClassifierChain.of(List.of(IO_IS_RATE_LIMITED, IO_IS_PERMANENT)).classify(failure))
                .isEqualTo(Classification.rateLimited(Duration.ofSeconds(3)));
    }

    @Test
    void aJudgeReplyWithoutAGradeIsTransientEvenInsideAStage() {
        JudgeReplyException malformed = new JudgeReplyException("no grade; reply: 'hmm'", "hmm");

        assertThat(ClassifierChain.builtIns().classify(malformed)).isEqualTo(Classification.transientError());
        assertThat(ClassifierChain.builtIns().classify(new CompletionException(malformed)))
                .isEqualTo(Classification.transientError());
    }

    @Test
    void aUserClassifierRecognisesACauseDeepInTheChainBeforeTheBuiltInsSeeTheOuterException() {
        Throwable failure = new HttpFailures.StatusCodeException(503, Map.of()).initCause(new IOException("reset"));

        assertThat(ClassifierChain.of(List.of(IO_IS_PERMANENT)).classify(failure)).isEqualTo(Classification.permanent());
    }

    @Test
    void whatNobodyRecognisesIsPermanentAndABrokenClassifierIsSkipped() {
        FailureClassifier broken = t -> {
            throw new IllegalStateException("bug in a classifier");
        };
        FailureClassifier answersNull = t -> null;

        assertThat(ClassifierChain.of(List.of(broken, answersNull)).classify(new RuntimeException("unknown")))
                .isEqualTo(Classification.permanent());
        assertThat(ClassifierChain.of(List.of(broken, answersNull)).classify(new IOException("reset")))
                .isEqualTo(Classification.transientError());
    }
}
