package vn.tracker.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on GraphQL requests (tracker.api.limits.*), checked before anything executes. Rejections
 * carry extensions.code LIMIT_EXCEEDED with the limit and the computed value, as GitHub and Shopify
 * report theirs.
 *
 * @param maxDepth        deepest field nesting (tasks → edges → node → leadAgency is depth 4)
 * @param maxCost         cost: every field costs 1, multiplied by the page sizes (first, default
 *                        20) of the connections above it, so a 100-task page with 5 fields per
 *                        task costs about 600
 * @param maxAliases      aliased fields in one document
 * @param maxQueryLength  characters of the query document
 */
@ConfigurationProperties("tracker.api.limits")
public record ApiLimits(Integer maxDepth, Integer maxCost, Integer maxAliases, Integer maxQueryLength) {

    public ApiLimits {
        maxDepth = maxDepth == null ? 15 : maxDepth;
        maxCost = maxCost == null ? 50_000 : maxCost;
        maxAliases = maxAliases == null ? 50 : maxAliases;
        maxQueryLength = maxQueryLength == null ? 20_000 : maxQueryLength;
    }
}
