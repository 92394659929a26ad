package dev.evals4j.storage;

import java.time.Duration;
import java.util.UUID;

/** What the members of every limit group agree on: when a member is gone, and how members are named. */
final class LimitGroups {

    /**
     * A member whose heartbeat is older than this is gone and its share returns to the others: eight
     * sync periods of 250 ms, so a runner that misses a few syncs under load keeps its share.
     */
    static final Duration STALE_AFTER = Duration.ofSeconds(2);

    private LimitGroups() {}

    /** A member id naming this host and process, unique among the processes that share a group. */
    static String memberId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
