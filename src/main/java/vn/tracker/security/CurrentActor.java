package vn.tracker.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, whether signed in to the console or calling with a token. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof Actor actor) {
            return Optional.of(actor);
        }
        if (principal instanceof AccountPrincipal account) {
            return Optional.of(account.actor());
        }
        return Optional.empty();
    }

    /** The current actor; code running outside a request (start-up, imports) acts as the system. */
    public static Actor get() {
        return find().orElse(Actor.SYSTEM);
    }

    /** The name recorded in history columns (who). */
    public static String name() {
        return get().name();
    }
}
