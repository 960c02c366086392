package vn.tracker.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Helpers for @BatchMapping: one query for a whole level of the result, then a lookup per parent. */
public final class Batches {

    private Batches() {
    }

    /** Ids of the to-one references of a batch (proxies answer getId without loading). */
    public static <P, R> List<Long> referencedIds(Collection<P> parents, Function<P, R> reference,
            Function<R, Long> idOf) {
        return parents.stream().map(reference).filter(Objects::nonNull).map(idOf).distinct().toList();
    }

    /** Maps each parent to its loaded reference, keeping the parents' order. */
    public static <P, R> Map<P, R> mapReferences(Collection<P> parents, Function<P, R> reference,
            Function<R, Long> idOf, Map<Long, R> loaded) {
        Map<P, R> result = new LinkedHashMap<>();
        for (P parent : parents) {
            R ref = reference.apply(parent);
            result.put(parent, ref == null ? null : loaded.get(idOf.apply(ref)));
        }
        return result;
    }

    public static <T> Map<Long, T> indexById(Collection<T> rows, Function<T, Long> idOf) {
        Map<Long, T> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(idOf.apply(r), r));
        return map;
    }
}
