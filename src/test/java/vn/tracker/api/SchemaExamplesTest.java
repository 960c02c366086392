package vn.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.json.JsonMapper;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;

/**
 * Every ```graphql example in schema/README.md runs as written against the sample data, without
 * errors and with data. A ```json block right after an example gives its variables. Mutation
 * examples run on a task the test creates (the variable "code" is replaced), so the sample rows
 * other tests read stay as imported.
 */
@IntegrationTest
class SchemaExamplesTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "```graphql\\n(.*?)```\\s*(?:```json\\n(.*?)```)?", Pattern.DOTALL);

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    TestFixtures fixtures;

    @Test
    @SuppressWarnings("unchecked")
    void everyExampleRunsAgainstTheSampleData() throws IOException {
        String readme = Files.readString(Path.of("schema/README.md"));
        Matcher m = EXAMPLE.matcher(readme);
        List<String> ran = new ArrayList<>();
        while (m.find()) {
            String query = m.group(1);
            Map<String, Object> variables = m.group(2) == null ? new HashMap<>()
                    : new HashMap<>(JsonMapper.builder().build().readValue(m.group(2), Map.class));
            if (query.strip().startsWith("mutation")) {
                variables.put("code", fixtures.newTask("GL-CA", null).getCode());
            }
            Matcher root = Pattern.compile("\\{\\s*(\\w+)").matcher(query);
            assertThat(root.find()).isTrue();
            var response = TestTokens.asAdmin(tester).document(query).variables(variables).execute();
            response.errors().verify();
            response.path(root.group(1)).hasValue();
            if (query.strip().startsWith("mutation")) {
                response.path(root.group(1) + ".errors").entityList(Object.class).hasSize(0);
            }
            ran.add(query.lines().findFirst().orElse(""));
        }
        assertThat(ran).hasSizeGreaterThanOrEqualTo(9);
    }
}
