package vn.tracker.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API reads a signed-in console user's security context from the session but never writes
 * one: a bearer-token call must not create or change a session.
 */
final class ReadOnlySessionContextRepository implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    ReadOnlySessionContextRepository() {
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return sessions.loadDeferredContext(request);
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        Supplier<SecurityContext> context = sessions.loadDeferredContext(holder.getRequest());
        return context.get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // never: the session belongs to the console's sign-in
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }
}
