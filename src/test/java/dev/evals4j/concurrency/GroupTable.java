package dev.evals4j.concurrency;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * A limit group held in memory, as the database holds it (one group row, one row per member with its
 * heartbeat and its last report), for tests of the pacers that share it. Thread-safe: synchronized.
 */
final class GroupTable {

    private final GroupRule rule;
    private final LongSupplier millis;
    private final long staleAfterMillis;
    private final Map<String, Member> members = new HashMap<>();
    private GroupRate row = GroupRate.unpaced();
    private int syncs;

    private record Member(long heartbeat, MemberReport report) {}

    GroupTable(GroupRule rule, LongSupplier millis, long staleAfterMillis) {
        this.rule = rule;
        this.millis = millis;
        this.staleAfterMillis = staleAfterMillis;
    }

    /** A membership of {@code id}. */
    LimitGroup join(String id) {
        return new LimitGroup() {
            @Override
            public GroupFigures sync(MemberReport report) {
                return GroupTable.this.sync(id, report);
            }

            @Override
            public void leave() {
                synchronized (GroupTable.this) {
                    members.remove(id);
                }
            }
        };
    }

    synchronized GroupRate row() {
        return row;
    }

    synchronized int syncs() {
        return syncs;
    }

    private synchronized GroupFigures sync(String id, MemberReport report) {
        syncs++;
        long now = millis.getAsLong();
        members.put(id, new Member(now, report));
        int sharers = 0;
        double admitted = 0;
        double started = 0;
        int measured = 0;
        boolean anyStarted = false;
        for (Map.Entry<String, Member> entry : members.entrySet()) {
            Member member = entry.getValue();
            if (now - member.heartbeat() > staleAfterMillis) {
                continue;
            }
            if (member.report().demand() || entry.getKey().equals(id)) {
                sharers++;
            }
            if (member.report().admittedPerSecond().isPresent()) {
                measured++;
                admitted += member.report().admittedPerSecond().getAsDouble();
            }
            if (member.report().startedPerSecond().isPresent()) {
                anyStarted = true;
                started += member.report().startedPerSecond().getAsDouble();
            }
        }
        GroupTotals totals = new GroupTotals(sharers, measured > 0 ? OptionalDouble.of(admitted) : OptionalDouble.empty(),
                measured,
                anyStarted ? OptionalDouble.of(started) : OptionalDouble.empty());
        row = rule.afterReport(row, report, totals, now);
        return rule.figures(row, totals, now);
    }
}
