package vn.tracker.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct GraphQL document once: clients send the same few documents
 * over and over (with different variables), and parsing + validation against the schema was a
 * fixed cost of every request. The key is the document text; the entry is the parsed document
 * with its validation errors (variables are not part of validation, so they are not part of the
 * key). Bounded, so a client sending endless distinct documents only churns the cache; documents
 * are already capped in length by {@link QueryLengthInterceptor}. Hit rate:
 * {@code cache_gets_total{cache="graphql.documents"}}.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocumentCache {

    static final int MAX_DOCUMENTS = 1_000;

    private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
            .maximumSize(MAX_DOCUMENTS).recordStats().build();

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer() {
        PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                    Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                return CompletableFuture.completedFuture(
                        documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
            }
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    /** The parsed document of a text this cache holds (valid or not), without parsing; null if absent. */
    graphql.language.Document parsed(String text) {
        PreparsedDocumentEntry entry = text == null ? null : documents.asMap().get(text);
        return entry == null || entry.hasErrors() ? null : entry.getDocument();
    }

    @Bean
    MeterBinder parsedDocumentCacheMetrics() {
        return registry -> CaffeineCacheMetrics.monitor(registry, documents, "graphql.documents");
    }
}
