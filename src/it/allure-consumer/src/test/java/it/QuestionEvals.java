package it;

import dev.evals4j.api.ForEach;
import dev.evals4j.api.Result;
import dev.evals4j.api.Score;
import io.qameta.allure.Allure;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** Three rows, each telling Allure a step of its own; the first call for row "flaky" times out and is retried. */
class QuestionEvals {

    private static final AtomicBoolean FLAKY_CALLED = new AtomicBoolean();

    static Stream<Map<String, Object>> questions() {
        return Stream.of(Map.of("id", "q1", "question", "2+2", "expected", "4"),
                Map.of("id", "q2", "question", "3+3", "expected", "6"),
                Map.of("id", "flaky", "question", "5+5", "expected", "10"));
    }

    @ForEach(value = "question,expected", method = "questions", concurrent = ForEach.Concurrent.TRUE)
    Result answers(String question, String expected) {
        String answer = Allure.step("ask the model " + question, () -> answer(question));
        return Result.of(answer, Score.of("exact_match", answer.equals(expected)));
    }

    private static String answer(String question) {
        if (question.equals("5+5") && !FLAKY_CALLED.getAndSet(true)) {
            throw new UncheckedIOException(new SocketTimeoutException("read timed out"));
        }
        String[] terms = question.split("\\+");
        return Integer.toString(Integer.parseInt(terms[0]) + Integer.parseInt(terms[1]));
    }
}
