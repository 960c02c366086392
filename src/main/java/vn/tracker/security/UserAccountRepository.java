package vn.tracker.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @EntityGraph(attributePaths = "agency")
    Optional<UserAccount> findByUsername(String username);

    @Query("select u from UserAccount u left join fetch u.agency")
    List<UserAccount> findAllWithAgency();

    @Modifying(clearAutomatically = true)
    @Query("update UserAccount u set u.failedAttempts = u.failedAttempts + 1 where u.username = :username")
    int incrementFailedAttempts(@Param("username") String username);

    @Modifying(clearAutomatically = true)
    @Query("update UserAccount u set u.failedAttempts = 0, u.lockedUntil = :until "
            + "where u.username = :username and u.failedAttempts >= :max")
    int lockWhenAttemptsReached(@Param("username") String username, @Param("max") int max,
            @Param("until") Instant until);

    @Modifying(clearAutomatically = true)
    @Query("update UserAccount u set u.failedAttempts = 0, u.lockedUntil = null "
            + "where u.username = :username and (u.failedAttempts > 0 or u.lockedUntil is not null)")
    int resetFailedAttempts(@Param("username") String username);
}
