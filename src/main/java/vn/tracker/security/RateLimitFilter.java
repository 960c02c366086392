package vn.tracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the API: per client address before authentication (so guessing tokens is
 * limited too), and per caller (API token or signed-in user) after it. Over the limit the answer
 * is HTTP 429 with Retry-After and a GraphQL error with code LIMIT_EXCEEDED.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** Request attribute holding a token's own limit per period, set by the token filter. */
    static final String TOKEN_LIMIT_ATTRIBUTE = RateLimitFilter.class.getName() + ".tokenLimit";
    /** Request attribute naming the token's bucket (its id: names are not unique). */
    static final String CALLER_KEY_ATTRIBUTE = RateLimitFilter.class.getName() + ".callerKey";

    private final RateLimiter limiter;
    private final SecuritySettings.RateLimit settings;
    private final boolean byAddress;

    private RateLimitFilter(RateLimiter limiter, SecuritySettings.RateLimit settings, boolean byAddress) {
        this.limiter = limiter;
        this.settings = settings;
        this.byAddress = byAddress;
    }

    static RateLimitFilter byAddress(RateLimiter limiter, SecuritySettings.RateLimit settings) {
        return new RateLimitFilter(limiter, settings, true);
    }

    static RateLimitFilter byCaller(RateLimiter limiter, SecuritySettings.RateLimit settings) {
        return new RateLimitFilter(limiter, settings, false);
    }

    /** Two instances run in one chain: each needs its own "already filtered" marker. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return RateLimitFilter.class.getName() + (byAddress ? ".address" : ".caller") + ".FILTERED";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (settings.isEnabled()) {
            OptionalLong wait = byAddress
                    ? limiter.tryAcquire("address:" + request.getRemoteAddr(), settings.getPerAddress())
                    : callerLimit(request);
            if (wait.isPresent()) {
                writeLimitExceeded(response, wait.getAsLong());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private OptionalLong callerLimit(HttpServletRequest request) {
        return CurrentActor.find().filter(a -> !a.name().equals("anonymous")).map(actor -> {
            Object own = request.getAttribute(TOKEN_LIMIT_ATTRIBUTE);
            long limit = own instanceof Integer perToken ? perToken : settings.getPerToken();
            Object key = request.getAttribute(CALLER_KEY_ATTRIBUTE);
            return limiter.tryAcquire(key != null ? key.toString() : "user:" + actor.name(), limit);
        }).orElse(OptionalLong.empty());
    }

    static void writeLimitExceeded(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"errors\":[{\"message\":\"Vượt giới hạn số yêu cầu, thử lại sau " + retryAfterSeconds
                + " giây / rate limit exceeded, retry after " + retryAfterSeconds
                + " s\",\"extensions\":{\"code\":\"LIMIT_EXCEEDED\",\"retryAfterSeconds\":" + retryAfterSeconds + "}}]}");
    }
}
