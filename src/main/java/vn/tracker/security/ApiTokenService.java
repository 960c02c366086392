package vn.tracker.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;

/** Issues, checks and revokes API tokens. Only hashes are stored; a token is shown once. */
@Service
public class ApiTokenService {

    private final ApiTokenRepository tokens;

    ApiTokenService(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** The actor a presented token stands for, if it exists and is neither expired nor revoked. */
    @Transactional(readOnly = true)
    public Optional<Actor> authenticate(String presented, Instant now) {
        if (presented.isEmpty() || presented.length() > 200) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(TokenHashing.hash(presented))
                .filter(t -> t.isUsableAt(now))
                .map(ApiTokenService::actorOf);
    }

    static Actor actorOf(ApiToken token) {
        Set<Scope> scopes = token.getScopes();
        Role role = scopes.contains(Scope.ADMIN) ? Role.ADMIN : Role.PORTAL;
        Long agencyId = token.getAgency() == null ? null : token.getAgency().getId();
        return new Actor("token:" + token.getName(), role, scopes, agencyId, true);
    }

    /** Creates a token and returns its secret, which is not stored and cannot be shown again. */
    @Transactional
    public String issue(String name, Set<Scope> scopes, Agency agency, String createdBy, Instant expiresAt) {
        String secret = TokenHashing.newToken();
        tokens.save(new ApiToken(name, TokenHashing.hash(secret), scopes, agency, createdBy, expiresAt));
        return secret;
    }

    /** Makes sure a token with this exact secret exists (bootstrap for scripts); idempotent. */
    @Transactional
    public void ensure(String name, String secret, Set<Scope> scopes) {
        String hash = TokenHashing.hash(secret);
        if (tokens.findByTokenHash(hash).isEmpty()) {
            tokens.save(new ApiToken(name, hash, scopes, null, "bootstrap", null));
        }
    }
}
