package vn.tracker.agency;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AgencyRepository extends JpaRepository<Agency, Long>, JpaSpecificationExecutor<Agency> {

    Optional<Agency> findByCode(String code);

    List<Agency> findByCodeIn(Collection<String> codes);

    List<Agency> findByParentIdIn(Collection<Long> parentIds);

    /** id and parent id of every agency: the tree is small enough to walk in memory. */
    @Query("select a.id, a.parent.id from Agency a")
    List<Object[]> findAllParentLinks();
}
