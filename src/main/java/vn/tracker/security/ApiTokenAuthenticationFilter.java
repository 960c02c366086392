package vn.tracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by `Authorization: Bearer <token>`. A missing header is anonymous
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
            Optional<Actor> actor = tokens.authenticate(header.substring(7).strip(), Instant.now());
            if (actor.isEmpty()) {
                GraphQlAuthenticationEntryPoint.writeUnauthenticated(response,
                        "Mã truy cập không hợp lệ, hết hạn hoặc đã thu hồi / invalid, expired or revoked token");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(authentication(actor.get()));
        } else if (anonymousRead) {
            Actor anonymous = new Actor("anonymous", Role.VIEWER, Set.of(Scope.READ), null, false);
            SecurityContextHolder.getContext().setAuthentication(authentication(anonymous));
        }
        chain.doFilter(request, response);
    }

    static UsernamePasswordAuthenticationToken authentication(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(actor.role().authority()));
        actor.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
        return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities);
    }
}
