package vn.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tracker.TrackerApplication;
import vn.tracker.common.AsOfDates;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;

/**
 * Two application instances on one database, each with its own response cache: a write through
 * one is seen by the other's very next read (the data generation lives in the database). The
 * second instance is a second application context on the same database (H2 in memory in the
 * same JVM, or the MariaDB SPRING_DATASOURCE_URL points at), with a clock the test sets, which
 * also shows that a query relying on the default "today" is cached per resolved date.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseCacheAcrossInstancesTest {

    /** A clock the test moves; the second instance's Clock bean. */
    static final class SettableClock extends Clock {
        volatile Instant now = Instant.parse("2031-05-04T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return AsOfDates.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;

    final SettableClock clock = new SettableClock();
    ConfigurableApplicationContext second;
    int secondPort;

    @BeforeAll
    void startSecondInstance() {
        second = new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("demo")
                .initializers(ctx -> ((org.springframework.context.support.GenericApplicationContext) ctx)
                        .registerBean("clock", Clock.class, () -> clock))
                .properties("server.port=0", "tracker.import.sample=false", "tracker.security.anonymous-read=false",
                        "tracker.security.bootstrap-admin-token=" + TestTokens.ADMIN,
                        "spring.main.allow-bean-definition-overriding=true", "tracker.instance-name=second")
                .run();
        secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    private static final String TASK = "query CacheTwo($c: String!, $p: String) { task(code: $c, province: $p)"
            + " { progress result } }";

    @Test
    void aWriteOnOneInstanceIsSeenByTheOthersNextRead() {
        String code = fixtures.newTask("GL-CA", null).getCode();
        Map<String, Object> vars = Map.of("c", code, "p", TestFixtures.PROVINCE);
        for (int p : new int[] {port, secondPort}) {
            ResponseCacheTest.post(p, TestTokens.ADMIN, TASK, vars);
            assertThat(ResponseCacheTest.post(p, TestTokens.ADMIN, TASK, vars).cache()).as("port " + p).isEqualTo("HIT");
        }
        ResponseCacheTest.Answer write = ResponseCacheTest.post(port, TestTokens.ADMIN, """
                mutation($c: String!, $p: String) { reportProgress(code: $c, province: $p, status: IN_PROGRESS,
                  progress: 65, result: "ghi ở phiên bản 1") { errors { code } } }""", vars);
        assertThat(write.data().at("/reportProgress/errors")).isEmpty();

        ResponseCacheTest.Answer other = ResponseCacheTest.post(secondPort, TestTokens.ADMIN, TASK, vars);
        assertThat(other.cache()).isEqualTo("MISS");
        assertThat(other.data().at("/task/progress").asInt()).isEqualTo(65);
        assertThat(other.data().at("/task/result").asString()).isEqualTo("ghi ở phiên bản 1");
    }

    @Test
    void anAnswerRelyingOnTodayIsCachedPerResolvedDate() {
        String today = "query CacheToday { today }";
        ResponseCacheTest.Answer first = ResponseCacheTest.post(secondPort, TestTokens.ADMIN, today, Map.of());
        assertThat(first.data().get("today").asString()).isEqualTo("2031-05-04");
        assertThat(ResponseCacheTest.post(secondPort, TestTokens.ADMIN, today, Map.of()).cache()).isEqualTo("HIT");
        clock.now = clock.now.plus(Duration.ofDays(1));
        ResponseCacheTest.Answer next = ResponseCacheTest.post(secondPort, TestTokens.ADMIN, today, Map.of());
        assertThat(next.cache()).isEqualTo("MISS");
        assertThat(next.data().get("today").asString()).isEqualTo("2031-05-05");
    }
}
