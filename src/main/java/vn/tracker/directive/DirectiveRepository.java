package vn.tracker.directive;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface DirectiveRepository extends JpaRepository<Directive, Long>, JpaSpecificationExecutor<Directive> {

    Optional<Directive> findByCode(String code);

    List<Directive> findByCodeIn(Collection<String> codes);

    List<Directive> findByParentIdIn(Collection<Long> parentIds);

    /** (directive id, program) pairs for a batch of directives, in one statement. */
    @Query("select d.id, p from Directive d join d.programs p where d.id in :ids")
    List<Object[]> findProgramsOf(Collection<Long> ids);
}
