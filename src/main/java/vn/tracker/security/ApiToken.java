package vn.tracker.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import vn.tracker.agency.Agency;
import vn.tracker.common.BaseEntity;

/** A bearer token for portals and scripts: shown once, stored as a SHA-256 hash, scoped, revocable. */
@Entity
@Table(name = "api_token")
public class ApiToken extends BaseEntity {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64, columnDefinition = "char(64)")
    private String tokenHash;

    /** Comma-separated scope names. */
    @Column(nullable = false, length = 100)
    private String scopes;

    /** For report-scoped tokens: the agency whose tasks the token may report on. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id")
    private Agency agency;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** Requests per rate-limit period for this token; null for the configured default. */
    @Column(name = "rate_limit")
    private Integer rateLimit;

    protected ApiToken() {
    }

    public ApiToken(String name, String tokenHash, Set<Scope> scopes, Agency agency, String createdBy,
            Instant expiresAt) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.scopes = scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.agency = agency;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    public boolean isUsableAt(Instant now) {
        return isUsable(revokedAt, expiresAt, now);
    }

    /** Neither revoked nor expired at {@code now}: the rule for the entity and for the lookup. */
    static boolean isUsable(Instant revokedAt, Instant expiresAt, Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public Set<Scope> getScopes() {
        return parseScopes(scopes);
    }

    /** The stored form: scope names, comma-separated. */
    static Set<Scope> parseScopes(String stored) {
        EnumSet<Scope> set = EnumSet.noneOf(Scope.class);
        Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(Scope::valueOf).forEach(set::add);
        return set;
    }

    public void revoke(Instant at) {
        this.revokedAt = at;
    }

    public String getName() {
        return name;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Agency getAgency() {
        return agency;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
