package vn.tracker.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JPQL over a batch of ids ({@code … in (:ids) …}) with the list bound as a fixed number of single
 * parameters. Hibernate never keeps the SQL translation of a query with a collection-valued
 * parameter, so every batch loader call translated its query again (about an eighth of a task
 * page's request CPU, ops/SCALING.md section 8). Here the list is padded to the next power of two
 * with its last id — a duplicate changes no {@code IN} answer — so a query has a handful of
 * shapes, each translated once and then served from Hibernate's query plan cache. The smallest
 * shape is two parameters, not one: Hibernate reads {@code in (:id0)} — a single parameter in the
 * list — as a possibly multi-valued parameter, and a query that has one is never plan-cached
 * either (a task by code, whose loaders all see one id, translated every one of them again). Lists longer
 * than {@link #CHUNK} run as several statements (callers group rows by id, so order across
 * chunks does not matter).
 */
public final class IdListQuery {

    static final int CHUNK = 1024;
    private static final String PLACEHOLDER = "(:ids)";

    /** Expanded query text per (query, padded size). */
    private static final Map<String, String> EXPANDED = new ConcurrentHashMap<>();

    private IdListQuery() {
    }

    /** Runs {@code jpql} (containing {@code (:ids)} once) for all {@code ids}; extra named parameters in pairs. */
    public static <T> List<T> list(EntityManager em, String jpql, Class<T> type, Collection<Long> ids,
            Object... extraParameters) {
        if (!jpql.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("query has no (:ids): " + jpql);
        }
        List<Long> all = ids.stream().distinct().toList();
        List<T> result = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            int size = paddedSize(chunk.size());
            TypedQuery<T> query = em.createQuery(expanded(jpql, size), type);
            for (int i = 0; i < size; i++) {
                query.setParameter("id" + i, chunk.get(Math.min(i, chunk.size() - 1)));
            }
            for (int i = 0; i + 1 < extraParameters.length; i += 2) {
                query.setParameter((String) extraParameters[i], extraParameters[i + 1]);
            }
            result.addAll(query.getResultList());
        }
        return result;
    }

    static int paddedSize(int n) {
        return n <= 2 ? 2 : Math.min(CHUNK, Integer.highestOneBit(n - 1) << 1);
    }

    private static String expanded(String jpql, int size) {
        return EXPANDED.computeIfAbsent(size + "|" + jpql, k -> {
            StringBuilder names = new StringBuilder("(");
            for (int i = 0; i < size; i++) {
                names.append(i == 0 ? "" : ", ").append(":id").append(i);
            }
            return jpql.replace(PLACEHOLDER, names.append(')').toString());
        });
    }
}
