package vn.tracker.pilot;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeclaredPilotModelCountRepository extends JpaRepository<DeclaredPilotModelCount, Long> {

    Optional<DeclaredPilotModelCount> findByProvinceCodeAndModelSetAndProgramCode(String provinceCode,
            String modelSet, String programCode);

    List<DeclaredPilotModelCount> findByModelSetOrderByProgramCode(String modelSet);

    @org.springframework.data.jpa.repository.Query(
            "select c from DeclaredPilotModelCount c left join fetch c.decision order by c.provinceCode, c.modelSet, c.programCode")
    List<DeclaredPilotModelCount> findAllWithDecision();
}
