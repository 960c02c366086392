package vn.tracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by `Authorization: Bearer <token>`. Without the header, a signed-in
 * console user's session (loaded earlier in the chain) stands; otherwise the call is anonymous
 * (rejected later unless configuration allows anonymous reads); a bad, expired or revoked token
 * is rejected at once with UNAUTHENTICATED.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final boolean anonymousRead;

    ApiTokenAuthenticationFilter(ApiTokenService tokens, boolean anonymousRead) {
        this.tokens = tokens;
        this.anonymousRead = anonymousRead;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<ApiTokenService.TokenCaller> caller;
            try {
                caller = tokens.authenticateCaller(header.substring(7).strip(), Instant.now());
            } catch (DataAccessResourceFailureException | TransientDataAccessResourceException e) {
                // The token cannot be checked while the database is unreachable: say so, retryable,
                // instead of a bare HTTP 500 from the filter chain.
                writeUnavailable(response);
                return;
            }
            if (caller.isEmpty()) {
                GraphQlAuthenticationEntryPoint.writeUnauthenticated(response,
                        "Mã truy cập không hợp lệ, hết hạn hoặc đã thu hồi / invalid, expired or revoked token");
                return;
            }
            // A fresh context: never mutate one that may have been loaded from a console session.
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication(caller.get().actor()));
            SecurityContextHolder.setContext(context);
            request.setAttribute(RateLimitFilter.CALLER_KEY_ATTRIBUTE, "token#" + caller.get().tokenId());
            if (caller.get().rateLimit() != null) {
                request.setAttribute(RateLimitFilter.TOKEN_LIMIT_ATTRIBUTE, caller.get().rateLimit());
            }
        } else if (anonymousRead && SecurityContextHolder.getContext().getAuthentication() == null) {
            Actor anonymous = new Actor("anonymous", Role.VIEWER, Set.of(Scope.READ), null, false);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication(anonymous));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** HTTP 503 with Retry-After and the GraphQL error shape (UNAVAILABLE, retryable). */
    static void writeUnavailable(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"errors\":[{\"message\":\"Tạm thời không truy cập được cơ sở dữ liệu, hãy thử lại sau"
                + " / database unavailable, retry later\",\"extensions\":{\"code\":\"UNAVAILABLE\",\"retryable\":true}}]}");
    }

    static UsernamePasswordAuthenticationToken authentication(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(actor.role().authority()));
        actor.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
        return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities);
    }
}
