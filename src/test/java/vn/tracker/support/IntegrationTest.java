package vn.tracker.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full-stack test: the application on a random port with the sample data loaded, talking to
 * H2 by default, or to MySQL/MariaDB when SPRING_DATASOURCE_URL points at one. Every test class
 * uses exactly this configuration so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.import.sample=true",
        "tracker.security.anonymous-read=false",
        "tracker.security.bootstrap-admin-token=" + TestTokens.ADMIN,
        "spring.flyway.clean-disabled=false"
})
@ActiveProfiles("demo")
@AutoConfigureHttpGraphQlTester
public @interface IntegrationTest {
}
