package vn.tracker.pilot;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PilotModelRepository extends JpaRepository<PilotModel, Long>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<PilotModel> {

    /** (decision id, program code, status, count) of the models each decision approves. */
    @Query("select d.id, p.code, m.status, count(m) from PilotModel m join m.decision d left join m.program p "
            + "group by d.id, p.code, m.status")
    List<Object[]> countByDecisionProgramStatus();

    /** The same for the further decisions that also list models. */
    @Query("select d.id, p.code, m.status, count(m) from PilotModel m join m.otherDecisions d left join m.program p "
            + "group by d.id, p.code, m.status")
    List<Object[]> countByOtherDecisionProgramStatus();


    Optional<PilotModel> findByDecisionCodeAndNumber(String decisionCode, int number);

    List<PilotModel> findByIdGreaterThanOrderByIdAsc(long afterId, Pageable page);

    /** (model id, directive) pairs of the further decisions of a batch of models. */
    @Query("select m.id, d from PilotModel m join m.otherDecisions d where m.id in :ids")
    List<Object[]> findOtherDecisionsOf(Collection<Long> ids);

    /** (status, count) pairs over the whole registry, counted by the database. */
    @Query("select m.status, count(m) from PilotModel m group by m.status")
    List<Object[]> countByStatus();

}
