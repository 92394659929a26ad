package dev.evals4j.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recall@k, reciprocal rank and nDCG@k of one ranking against a set of relevant items, with binary
 * relevance. A ranking is the order given; an item ranked again later counts only at its first
 * position. Stateless.
 */
final class RetrievalMetrics {

    /** How many of the first-ranked items a detail shows. */
    private static final int SHOWN = 5;

    private RetrievalMetrics() {}

    static Score recallAtK(List<?> ranked, Collection<?> relevant, int k) {
        String name = "recall@" + requirePositive(k);
        Set<Object> wanted = relevantItems(relevant, name);
        List<Object> top = firstK(ranked, k);
        List<Object> found = top.stream().filter(wanted::contains).toList();
        double value = (double) found.size() / wanted.size();
        if (found.size() == wanted.size()) {
            return new Score(name, value, true, null);
        }
        String missing = sorted(wanted.stream().filter(item -> !found.contains(item)).toList());
        String detail = found.size() + " of " + wanted.size() + " relevant items in the first " + k + "; missing: "
                + missing + (found.isEmpty() ? "; ranked first: " + shown(top) : "");
        return new Score(name, value, !found.isEmpty(), detail);
    }

    static Score reciprocalRank(List<?> ranked, Collection<?> relevant) {
        String name = "mrr";
        Set<Object> wanted = relevantItems(relevant, name);
        List<Object> distinct = distinct(ranked);
        for (int i = 0; i < distinct.size(); i++) {
            if (wanted.contains(distinct.get(i))) {
                int rank = i + 1;
                return new Score(name, 1.0 / rank, true,
                        rank == 1 ? null : "first relevant item " + distinct.get(i) + " at rank " + rank);
            }
        }
        return new Score(name, 0, false, "no relevant item in the ranking of " + distinct.size() + "; relevant: "
                + sorted(wanted) + "; ranked first: " + shown(distinct));
    }

    static Score ndcgAtK(List<?> ranked, Collection<?> relevant, int k) {
        String name = "ndcg@" + requirePositive(k);
        Set<Object> wanted = relevantItems(relevant, name);
        List<Object> top = firstK(ranked, k);
        double dcg = 0;
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            if (wanted.contains(top.get(i))) {
                dcg += discount(i + 1);
                ranks.add(i + 1);
            }
        }
        double ideal = 0;
        for (int rank = 1; rank <= Math.min(k, wanted.size()); rank++) {
            ideal += discount(rank);
        }
        double value = dcg / ideal;
        if (ranks.isEmpty()) {
            return new Score(name, 0, false, "no relevant item in the first " + k + "; relevant: " + sorted(wanted)
                    + "; ranked first: " + shown(top));
        }
        boolean ideallyRanked = ranks.size() == Math.min(k, wanted.size()) && ranks.get(ranks.size() - 1) == ranks.size();
        return new Score(name, ideallyRanked ? 1.0 : value, true, ideallyRanked ? null
                : "relevant items at ranks " + ranks + " of the first " + k + ", " + wanted.size() + " relevant");
    }

    /** The gain discount of a relevant item at a 1-based rank: {@code 1 / log2(rank + 1)}. */
    private static double discount(int rank) {
        return Math.log(2) / Math.log(rank + 1);
    }

    private static int requirePositive(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, but was " + k);
        }
        return k;
    }

    private static Set<Object> relevantItems(Collection<?> relevant, String metric) {
        Objects.requireNonNull(relevant, "relevant");
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException(
                    metric + " needs at least one relevant item, but none was given (a dataset problem?)");
        }
        return new LinkedHashSet<>(relevant);
    }

    private static List<Object> firstK(List<?> ranked, int k) {
        List<Object> distinct = distinct(ranked);
        return distinct.subList(0, Math.min(k, distinct.size()));
    }

    private static List<Object> distinct(List<?> ranked) {
        return List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(ranked, "ranked")));
    }

    private static String shown(List<Object> items) {
        List<Object> first = items.subList(0, Math.min(SHOWN, items.size()));
        return first.stream().map(String::valueOf).collect(Collectors.joining(", ", "[",
                items.size() > SHOWN ? ", ...]" : "]"));
    }

    private static String sorted(Collection<Object> items) {
        return items.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
