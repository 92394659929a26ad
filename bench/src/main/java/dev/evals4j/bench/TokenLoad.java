package dev.evals4j.bench;

/**
 * The token side of a scenario: how long its prompts are and the provider's tokens-per-minute limit.
 * The simulator echoes a prompt, so a call costs twice its prompt's tokens (four characters a token).
 *
 * @param promptChars the length every prompt is padded to; {@code 0} keeps the short {@code row-N} prompts
 * @param tokensPerMinute the provider's token limit; {@code 0} for none
 * @param tokenBurst the tokens the provider's bucket holds at most (when limited)
 */
public record TokenLoad(int promptChars, long tokensPerMinute, int tokenBurst) {

    private static final TokenLoad NONE = new TokenLoad(0, 0, 0);

    /** Validates. */
    public TokenLoad {
        if (promptChars < 0 || tokensPerMinute < 0 || tokenBurst < 0 || (tokensPerMinute > 0) != (tokenBurst > 0)) {
            throw new IllegalArgumentException("impossible token load: promptChars=" + promptChars
                    + ", tokensPerMinute=" + tokensPerMinute + ", tokenBurst=" + tokenBurst);
        }
    }

    /** Short prompts and no token limit. */
    public static TokenLoad none() {
        return NONE;
    }

    /** Whether the provider limits tokens. */
    public boolean limited() {
        return tokensPerMinute > 0;
    }

    /** The tokens one call of a prompt of {@code promptChars} costs: its prompt and its echoed completion. */
    public long tokensPerCall() {
        return 2L * ((promptChars + 3) / 4);
    }

    /** The provider's token rate, per second. */
    public double tokensPerSecond() {
        return tokensPerMinute / 60.0;
    }
}
