package vn.tracker.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    @EntityGraph(attributePaths = "agency")
    Optional<ApiToken> findByTokenHash(String tokenHash);

    /** A page ordered by id, agencies fetched in the same query (no N+1 for ApiToken.agency). */
    @Query("select t from ApiToken t left join fetch t.agency where t.id > :afterId "
            + "and (:all = true or (t.revokedAt is null and (t.expiresAt is null or t.expiresAt > :now))) order by t.id")
    List<ApiToken> findPage(@Param("afterId") long afterId, @Param("all") boolean all, @Param("now") Instant now,
            Pageable limit);

    @Query("select count(t) from ApiToken t "
            + "where (:all = true or (t.revokedAt is null and (t.expiresAt is null or t.expiresAt > :now)))")
    long countMatching(@Param("all") boolean all, @Param("now") Instant now);
}
