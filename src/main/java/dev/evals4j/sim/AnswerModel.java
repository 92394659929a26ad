package dev.evals4j.sim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the provider replies to a prompt. In order of precedence:
 * <ol>
 *   <li>a prompt found in the oracle (after trimming) is answered with its correct answer;</li>
 *   <li>a prompt of the form {@code What is A + B?} (also {@code -} and {@code *}, integers) is answered
 *       with the result;</li>
 *   <li>any other prompt is echoed back unchanged.</li>
 * </ol>
 * Oracle and arithmetic answers are correct with probability {@code accuracy}, decided by a stable
 * hash of the prompt, so every run and every repetition gives the same reply; a wrong reply is a
 * plausible one (a nearby number, or another answer of the oracle).
 *
 * <p>Immutable and thread-safe.
 */
final class AnswerModel {

    private static final Pattern ARITHMETIC =
            Pattern.compile("\\s*what is\\s+(-?\\d+)\\s*([-+*])\\s*(-?\\d+)\\s*\\?\\s*", Pattern.CASE_INSENSITIVE);
    private static final String NO_IDEA = "I don't know.";

    private final Map<String, String> oracle;
    private final List<String> distinctAnswers;
    private final double accuracy;

    /**
     * Creates an answer model.
     *
     * @param oracle prompt → correct answer; keys are matched after trimming the prompt
     * @param accuracy the probability, in {@code [0, 1]}, that an oracle or arithmetic answer is correct
     */
    AnswerModel(Map<String, String> oracle, double accuracy) {
        this.oracle = Map.copyOf(oracle);
        this.distinctAnswers = List.copyOf(new TreeSet<>(oracle.values()));
        this.accuracy = accuracy;
    }

    /** The reply to {@code prompt}. */
    String answer(String prompt) {
        String key = prompt.strip();
        String known = oracle.get(key);
        if (known != null) {
            return isCorrect(key) ? known : wrongAnswer(key, known);
        }
        Optional<BigInteger> result = arithmetic(key);
        if (result.isPresent()) {
            BigInteger right = result.get();
            return (isCorrect(key) ? right : nearbyWrongNumber(key, right)).toString();
        }
        return prompt;
    }

    /** The result of a {@code What is A op B?} prompt, if the prompt has that form. */
    static Optional<BigInteger> arithmetic(String prompt) {
        Matcher matcher = ARITHMETIC.matcher(prompt);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigInteger left = new BigInteger(matcher.group(1));
        BigInteger right = new BigInteger(matcher.group(3));
        switch (matcher.group(2)) {
            case "+":
                return Optional.of(left.add(right));
            case "-":
                return Optional.of(left.subtract(right));
            default:
                return Optional.of(left.multiply(right));
        }
    }

    private boolean isCorrect(String prompt) {
        double position = (stableHash(prompt) >>> 11) * 0x1.0p-53;
        return position < accuracy;
    }

    private String wrongAnswer(String prompt, String correct) {
        try {
            return nearbyWrongNumber(prompt, new BigInteger(correct.strip())).toString();
        } catch (NumberFormatException notANumber) {
            List<String> others = distinctAnswers.stream().filter(answer -> !answer.equals(correct)).toList();
            if (others.isEmpty()) {
                return NO_IDEA;
            }
            return others.get(Math.floorMod(stableHash(prompt + "\u0000wrong"), others.size()));
        }
    }

    private static BigInteger nearbyWrongNumber(String prompt, BigInteger correct) {
        long hash = stableHash(prompt + "\u0000wrong");
        long offset = 1 + Math.floorMod(hash, 9);
        return hash < 0 ? correct.subtract(BigInteger.valueOf(offset)) : correct.add(BigInteger.valueOf(offset));
    }

    /** FNV-1a over the UTF-8 bytes, finished with SplitMix64's mixer: stable across JVMs and runs. */
    static long stableHash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
