package vn.tracker.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.tracker.security.Actor;
import vn.tracker.security.ApiTokenService;

/**
 * Accepts the product's API tokens on /actuator (a scraper sends `Authorization: Bearer …`).
 * A bad token is 401 at once; no header leaves the request to the session or to anonymous.
 */
class ActuatorTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;

    ActuatorTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Actor> actor = tokens.authenticate(header.substring(7).strip(), Instant.now());
            if (actor.isEmpty()) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(actor.get().role().authority()));
            actor.get().scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(actor.get(), null, authorities));
        }
        chain.doFilter(request, response);
    }
}
