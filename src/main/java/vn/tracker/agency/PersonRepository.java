package vn.tracker.agency;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByCode(String code);

    List<Person> findByCodeIn(Collection<String> codes);

    List<Person> findByAgencyIdInOrderByFullName(Collection<Long> agencyIds);
}
