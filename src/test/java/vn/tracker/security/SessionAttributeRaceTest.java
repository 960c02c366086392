package vn.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import vn.tracker.support.IntegrationTest;

/**
 * Two requests of one session (htmx sends them in parallel) that both add the same new attribute:
 * each loaded the session before the other saved, so both insert the attribute row. The second
 * save must update it, not fail on the primary key.
 */
@IntegrationTest
class SessionAttributeRaceTest {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void twoRequestsAddingTheSameAttributeBothSucceedAndTheLastWriteWins() {
        race(sessions);
    }

    private static <S extends Session> void race(SessionRepository<S> sessions) {
        S created = sessions.createSession();
        sessions.save(created);
        S first = sessions.findById(created.getId());
        S second = sessions.findById(created.getId());

        first.setAttribute("console.lastList", "/tasks?health=OVERDUE");
        second.setAttribute("console.lastList", "/tasks?health=AT_RISK");
        sessions.save(first);
        sessions.save(second);

        assertThat(sessions.findById(created.getId()).<String>getAttribute("console.lastList"))
                .isEqualTo("/tasks?health=AT_RISK");
        sessions.deleteById(created.getId());
    }
}
