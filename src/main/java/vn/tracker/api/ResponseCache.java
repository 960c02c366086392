package vn.tracker.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.tracker.common.AsOfDates;
import vn.tracker.ops.DataGeneration;

/**
 * Answers repeated GraphQL queries from memory, as partner portals poll the same queries. Never
 * stale after a committed write, on any instance: every entry is keyed with the data generation
 * read once per request before any data read ({@link DataGeneration}), and every transaction
 * that writes tracker data bumps it in that same transaction. The token check still runs on
 * every request (it is a filter before this), so revocation stays immediate.
 *
 * <p>The key is what an answer depends on: the document, operation name and variables; the
 * caller (actor, role, scopes, agency, authorities: answers depend on permissions); the request
 * locale; and today's date from the product's clock, which every default as-of date resolves to.
 * Only query operations are stored, only answers without errors, and never documents reading
 * fields that depend on the current time of day ({@link #CLOCK_FIELDS}). A request with
 * {@code Cache-Control: no-cache} (or no-store) bypasses the cache: the benchmarks measure the
 * uncached path with it. The answer carries {@code X-Cache: HIT|MISS|BYPASS}. Bounded by an
 * estimate of bytes held; hit rate as {@code cache_gets_total{cache="graphql.responses"}}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ResponseCache implements WebGraphQlInterceptor, MeterBinder {

    static final String HEADER = "X-Cache";

    /** Fields whose value depends on the current instant, not only on data and date. */
    private static final Set<String> CLOCK_FIELDS = Set.of("apiTokens");

    record Key(String document, String operationName, Map<String, Object> variables, Object caller, Locale locale,
            LocalDate today, long generation) {
    }

    private final boolean enabled;
    private final Cache<Key, ExecutionResult> cache;
    private final DataGeneration generation;
    private final AsOfDates dates;
    private final ParsedDocumentCache documents;

    ResponseCache(@Value("${tracker.graphql.response-cache.enabled:true}") boolean enabled,
            @Value("${tracker.graphql.response-cache.max-megabytes:64}") long maxMegabytes,
            @Value("${tracker.graphql.response-cache.expire-after:PT10M}") Duration expireAfter,
            DataGeneration generation, AsOfDates dates, ParsedDocumentCache documents) {
        this.enabled = enabled;
        this.generation = generation;
        this.dates = dates;
        this.documents = documents;
        // The time limit is a safety net only: correctness comes from the generation.
        this.cache = Caffeine.newBuilder().maximumWeight(maxMegabytes * 1024 * 1024)
                .weigher((Key k, ExecutionResult r) -> (int) Math.min(Integer.MAX_VALUE, bytes(k) + bytes(r.getData())))
                .expireAfterWrite(expireAfter).recordStats().build();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!enabled || bypassed(request) || knownNotAQuery(request)) {
            return chain.next(request).map(response -> marked(response, "BYPASS"));
        }
        // Read before the operation reads any data: an answer stored under this generation is
        // computed from data at least this new.
        Key key = new Key(request.getDocument(), request.getOperationName(), request.getVariables(), caller(),
                request.getLocale(), dates.today(), generation.current());
        ExecutionResult hit = cache.getIfPresent(key);
        if (hit != null) {
            return Mono.just(marked(new WebGraphQlResponse(
                    new DefaultExecutionGraphQlResponse(request.toExecutionInput(), hit)), "HIT"));
        }
        return chain.next(request).map(response -> {
            if (storable(response, key)) {
                cache.put(key, response.getExecutionResult());
            }
            return marked(response, "MISS");
        });
    }

    /** A mutation whose document was parsed before: no generation read, nothing to look up. */
    private boolean knownNotAQuery(WebGraphQlRequest request) {
        Document document = documents.parsed(request.getDocument());
        return document != null && operation(document, request.getOperationName())
                .map(o -> o.getOperation() != OperationDefinition.Operation.QUERY).orElse(false);
    }

    private static java.util.Optional<OperationDefinition> operation(Document document, String name) {
        try {
            return java.util.Optional.of(NodeUtil.getOperation(document, name).operationDefinition);
        } catch (RuntimeException unknownOperation) {
            return java.util.Optional.empty(); // execution reports it as an error
        }
    }

    private boolean storable(WebGraphQlResponse response, Key key) {
        if (!response.isValid() || !response.getErrors().isEmpty() || response.getExecutionResult().getData() == null) {
            return false;
        }
        Document document = documents.parsed(key.document());
        if (document == null) {
            return false;
        }
        return operation(document, key.operationName())
                .filter(o -> o.getOperation() == OperationDefinition.Operation.QUERY)
                .filter(o -> !readsAny(document, o.getSelectionSet(), CLOCK_FIELDS, new HashSet<>()))
                .isPresent();
    }

    private static boolean readsAny(Document document, SelectionSet set, Set<String> names, Set<String> seen) {
        if (set == null) {
            return false;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                if (names.contains(field.getName()) || readsAny(document, field.getSelectionSet(), names, seen)) {
                    return true;
                }
            } else if (selection instanceof InlineFragment inline) {
                if (readsAny(document, inline.getSelectionSet(), names, seen)) {
                    return true;
                }
            } else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())) {
                for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
                    if (fragment.getName().equals(spread.getName())
                            && readsAny(document, fragment.getSelectionSet(), names, seen)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean bypassed(WebGraphQlRequest request) {
        List<String> control = request.getHeaders().get("Cache-Control");
        return control != null && control.stream().anyMatch(v -> v.contains("no-cache") || v.contains("no-store"));
    }

    /** Who is asking, as far as any answer can depend on it. */
    private static Object caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return "none";
        }
        Set<String> authorities = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return List.of(auth.getClass().getName(), String.valueOf(auth.getName()), authorities,
                vn.tracker.security.CurrentActor.find().map(Object.class::cast).orElse("no actor"));
    }

    private static WebGraphQlResponse marked(WebGraphQlResponse response, String state) {
        response.getResponseHeaders().set(HEADER, state);
        return response;
    }

    /** A rough size in bytes of a JSON-like value (strings as UTF-16, 16 bytes per object header). */
    private static long bytes(Object value) {
        if (value instanceof String s) {
            return 40 + 2L * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            long sum = 64;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sum += 32 + bytes(e.getKey()) + bytes(e.getValue());
            }
            return sum;
        }
        if (value instanceof Collection<?> list) {
            long sum = 40;
            for (Object o : list) {
                sum += 8 + bytes(o);
            }
            return sum;
        }
        if (value instanceof Key key) {
            return 100 + bytes(key.document()) + bytes(key.operationName()) + bytes(key.variables()) + 200;
        }
        return 16;
    }

    /** Hit rate, size and evictions as `cache_*{cache="graphql.responses"}` (ops/README.md). */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "graphql.responses");
    }
}
