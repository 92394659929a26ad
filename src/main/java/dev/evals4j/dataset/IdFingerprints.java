package dev.evals4j.dataset;

/**
 * A set of 64-bit fingerprints of row ids, in one {@code long[]} with open addressing (linear
 * probing), kept at most half full. Not thread-safe: it belongs to one pass over a dataset.
 *
 * <p>Memory: one {@code long} per slot and between two and four slots per id, so 16 to 32 bytes per
 * distinct id (while the table doubles, the old one is held too, for a moment). A {@code
 * HashSet<String>} of the ids would take about 100 bytes per id, more for long ids.
 */
final class IdFingerprints {

    private static final int INITIAL_CAPACITY = 1 << 10;
    /** Marks an empty slot; a fingerprint that is 0 is stored as {@link #ZERO_STAND_IN}. */
    private static final long EMPTY = 0L;
    private static final long ZERO_STAND_IN = 0x9E3779B97F4A7C15L;

    private long[] slots = new long[INITIAL_CAPACITY];
    private int size;

    /**
     * Adds {@code fingerprint}.
     *
     * @return {@code true} if it was new, {@code false} if it was already in the set
     */
    boolean add(long fingerprint) {
        long stored = fingerprint == EMPTY ? ZERO_STAND_IN : fingerprint;
        if (!insert(slots, stored)) {
            return false;
        }
        if (++size > slots.length / 2) {
            grow();
        }
        return true;
    }

    /** How many distinct fingerprints the set holds. */
    int size() {
        return size;
    }

    /** The fingerprint of {@code id}: FNV-1a over its chars, then MurmurHash3's 64-bit finaliser. */
    static long of(String id) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash = (hash ^ id.charAt(i)) * 0x100000001B3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        hash *= 0xC4CEB9FE1A85EC53L;
        return hash ^ (hash >>> 33);
    }

    private static boolean insert(long[] table, long stored) {
        int mask = table.length - 1;
        for (int i = (int) stored & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = stored;
                return true;
            }
            if (table[i] == stored) {
                return false;
            }
        }
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (long stored : slots) {
            if (stored != EMPTY) {
                insert(larger, stored);
            }
        }
        slots = larger;
    }
}
