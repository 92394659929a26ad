package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * What a runner's lease renewals tell its {@link ResumeFeed}, on the feed's ticker (nanoseconds): when
 * the last renewal that kept every lease alive started, and when leases were last possibly lost (a renewal
 * that came a whole lease after the one before: another runner may have taken over pairs meanwhile).
 * Implementations are thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public interface Renewals {

    /** No renewals: every lease lives from its claim, and none is known to have lapsed. */
    Renewals NONE = new Renewals() {
        @Override
        public long lastStartNanos() {
            return Long.MIN_VALUE;
        }

        @Override
        public long lastLapseNanos() {
            return Long.MIN_VALUE;
        }
    };

    /**
     * When the last renewal that came in time started: every lease the runner held then lives until at
     * least a lease after it. {@link Long#MIN_VALUE} before the first.
     */
    long lastStartNanos();

    /**
     * When the last renewal that came too late ended: a lease taken before then may have expired and been
     * taken over by another runner. {@link Long#MIN_VALUE} if none came too late.
     */
    long lastLapseNanos();
}
