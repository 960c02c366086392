package vn.tracker.pilot;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeclaredPilotModelCountRepository extends JpaRepository<DeclaredPilotModelCount, Long> {

    Optional<DeclaredPilotModelCount> findByProvinceCodeAndModelSetAndProgramCode(String provinceCode,
            String modelSet, String programCode);

    List<DeclaredPilotModelCount> findByModelSetOrderByProgramCode(String modelSet);
}
