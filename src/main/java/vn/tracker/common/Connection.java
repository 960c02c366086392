package vn.tracker.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** A Relay connection page. totalCount is computed lazily: only when the query asks for it. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, LongSupplier totalCountSupplier) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public long totalCount() {
        return totalCountSupplier.getAsLong();
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    /**
     * Builds a page from rows fetched with one extra row (limit first + 1), which tells whether a
     * next page exists without a second query.
     */
    public static <T> Connection<T> of(List<T> rowsPlusOne, PageRequest page, Function<T, String> cursorOf,
            LongSupplier totalCount) {
        boolean hasNext = rowsPlusOne.size() > page.first();
        List<T> rows = hasNext ? rowsPlusOne.subList(0, page.first()) : rowsPlusOne;
        List<Edge<T>> edges = rows.stream().map(r -> new Edge<>(cursorOf.apply(r), r)).toList();
        PageInfo info = new PageInfo(hasNext, page.after() != null,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }
}
