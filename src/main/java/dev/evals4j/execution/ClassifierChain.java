package dev.evals4j.execution;

import dev.evals4j.api.spi.Classification;
import dev.evals4j.api.spi.FailureClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one classification of a failed attempt for both executors: asks each classifier in order (the
 * user's, then {@link BuiltInClassifiers#ALL}) about each exception of the failure's cause chain,
 * outermost first; the first answer wins, and a failure nobody recognises is
 * {@linkplain Classification#permanent() permanent}. A classifier that throws is skipped: a broken
 * classifier must not turn a row's failure into a crash of the run.
 *
 * <p>Immutable; thread-safe if the classifiers are (the {@link FailureClassifier} contract).
 */
final class ClassifierChain {

    private static final ClassifierChain BUILT_INS = new ClassifierChain(List.of());

    private final List<FailureClassifier> classifiers;

    private ClassifierChain(List<? extends FailureClassifier> userClassifiers) {
        List<FailureClassifier> all = new ArrayList<>(userClassifiers);
        all.addAll(BuiltInClassifiers.ALL);
        this.classifiers = List.copyOf(all);
    }

    /** The built-in classifiers alone. */
    static ClassifierChain builtIns() {
        return BUILT_INS;
    }

    /** {@code userClassifiers}, in order, then the built-in ones. */
    static ClassifierChain of(List<? extends FailureClassifier> userClassifiers) {
        return userClassifiers.isEmpty() ? BUILT_INS : new ClassifierChain(userClassifiers);
    }

    /** What {@code failure} means. */
    Classification classify(Throwable failure) {
        List<Throwable> chain = HttpSignals.causeChain(failure);
        for (FailureClassifier classifier : classifiers) {
            for (Throwable t : chain) {
                Optional<Classification> answer = ask(classifier, t);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
        return Classification.permanent();
    }

    private static Optional<Classification> ask(FailureClassifier classifier, Throwable t) {
        try {
            Optional<Classification> answer = classifier.classify(t);
            return answer == null ? Optional.empty() : answer;
        } catch (RuntimeException | LinkageError broken) {
            return Optional.empty();
        }
    }
}
