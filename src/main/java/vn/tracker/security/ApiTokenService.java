package vn.tracker.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tracker.agency.Agency;
import vn.tracker.agency.AgencyRepository;
import vn.tracker.common.BadInputException;
import vn.tracker.common.Connection;
import vn.tracker.common.Cursor;
import vn.tracker.common.NotFoundException;
import vn.tracker.common.PageRequest;

/** Issues, checks, lists and revokes API tokens. Only hashes are stored; a secret is shown once. */
@Service
public class ApiTokenService {

    static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);
    static final Duration MAX_VALIDITY = Duration.ofDays(731);
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final ApiTokenRepository tokens;
    private final ApiTokenLookup lookup;
    private final AgencyRepository agencies;
    private final Permissions permissions;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, ApiTokenLookup lookup, AgencyRepository agencies, Permissions permissions,
            Clock clock) {
        this.tokens = tokens;
        this.lookup = lookup;
        this.agencies = agencies;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** A new token with its secret, which is not stored and cannot be shown again. */
    public record Issued(ApiToken token, String secret) {
    }

    /** A token that authenticated a request: who it acts as, its id and its own rate limit. */
    public record TokenCaller(Actor actor, long tokenId, Integer rateLimit) {
    }

    /** The actor a presented token stands for, if it exists and is neither expired nor revoked. */
    public Optional<Actor> authenticate(String presented, Instant now) {
        return authenticateCaller(presented, now).map(TokenCaller::actor);
    }

    /**
     * Like {@link #authenticate}, with the token's id and rate limit. Runs on every API request,
     * so it is one indexed SELECT outside any transaction ({@link ApiTokenLookup}); records the last
     * use at most every few minutes, so reads do not turn into writes.
     */
    public Optional<TokenCaller> authenticateCaller(String presented, Instant now) {
        if (presented.isEmpty() || presented.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiTokenLookup.TokenRow> token = lookup.findByHash(TokenHashing.hash(presented))
                .filter(t -> t.isUsableAt(now));
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now))
                .ifPresent(t -> lookup.touch(t.id(), now));
        return token.map(t -> new TokenCaller(actorOf(t.name(), t.scopes(), t.agencyId()), t.id(), t.rateLimit()));
    }

    private static Actor actorOf(String name, Set<Scope> scopes, Long agencyId) {
        Role role = scopes.contains(Scope.ADMIN) ? Role.ADMIN : Role.PORTAL;
        return new Actor("token:" + name, role, scopes, agencyId, true);
    }

    /** Creates a token (admins only). */
    @Transactional
    public Issued create(String name, Set<Scope> scopes, String agencyCode, Instant expiresAt) {
        return create(name, scopes, agencyCode, expiresAt, null);
    }

    /** Creates a token with its own rate limit (requests per rate-limit period; null: the default). */
    @Transactional
    public Issued create(String name, Set<Scope> scopes, String agencyCode, Instant expiresAt, Integer rateLimit) {
        permissions.requireAdmin();
        String checkedName = name == null ? "" : name.strip();
        if (checkedName.isEmpty() || checkedName.length() > 200) {
            throw new BadInputException("name", "Tên mã truy cập 1–200 ký tự / token name 1–200 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new BadInputException("scopes", "Cần ít nhất một phạm vi / at least one scope");
        }
        EnumSet<Scope> checkedScopes = EnumSet.copyOf(scopes);
        checkedScopes.add(Scope.READ); // whoever may report or administer may also read
        Agency agency = null;
        if (agencyCode != null && !agencyCode.isBlank()) {
            agency = agencies.findByCode(agencyCode.strip())
                    .orElseThrow(() -> new BadInputException("agencyCode", "Không có cơ quan mã này / unknown agency code"));
        } else if (checkedScopes.contains(Scope.REPORT) && !checkedScopes.contains(Scope.ADMIN)) {
            throw new BadInputException("agencyCode",
                    "Mã truy cập báo cáo phải gắn với một cơ quan / a report token needs an agency");
        }
        Instant now = clock.instant();
        Instant expiry = expiresAt == null ? now.plus(DEFAULT_VALIDITY) : expiresAt;
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(MAX_VALIDITY))) {
            throw new BadInputException("expiresAt",
                    "Thời hạn phải trong tương lai và không quá 2 năm / expiry must be in the future, at most 2 years");
        }
        if (rateLimit != null && (rateLimit < 1 || rateLimit > 1_000_000)) {
            throw new BadInputException("rateLimit", "Giới hạn từ 1 đến 1.000.000 / rate limit 1–1,000,000");
        }
        String secret = TokenHashing.newToken();
        ApiToken token = new ApiToken(checkedName, TokenHashing.hash(secret), checkedScopes, agency,
                CurrentActor.name(), expiry);
        token.setRateLimit(rateLimit);
        return new Issued(tokens.save(token), secret);
    }

    /** Revokes a token at once (admins only); idempotent. */
    @Transactional
    public ApiToken revoke(long id) {
        permissions.requireAdmin();
        ApiToken token = tokens.findById(id)
                .orElseThrow(() -> new NotFoundException("Không tìm thấy mã truy cập / no such token"));
        if (token.getRevokedAt() == null) {
            token.revoke(clock.instant());
        }
        return token;
    }

    @Transactional(readOnly = true)
    public Connection<ApiToken> list(boolean includeInactive, PageRequest page) {
        permissions.requireAdmin();
        Instant now = clock.instant();
        var rows = tokens.findPage(page.afterId(), includeInactive, now,
                org.springframework.data.domain.PageRequest.of(0, page.first() + 1));
        return Connection.of(rows, page, t -> Cursor.encodeId(t.getId()), () -> tokens.countMatching(includeInactive, now));
    }

    public boolean isActive(ApiToken token) {
        return token.isUsableAt(clock.instant());
    }

    /**
     * Creates a token without a permission check, for start-up code and test fixtures that act as
     * the system; callers on behalf of a user go through {@link #create}.
     */
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
