package vn.tracker.directive;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.security.Scope;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;

/** Directive, agency, person and pilot-model mutations over HTTP: admins only, validated, versioned. */
@IntegrationTest
class ReferenceDataMutationsGraphQlTest {

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    TestFixtures fixtures;

    HttpGraphQlTester admin() {
        return TestTokens.asAdmin(tester);
    }

    @Test
    void directivesAreCreatedUpdatedAndVersioned() {
        String code = TestFixtures.uniqueCode("99/KH-UBND");
        admin().document("""
                mutation($c: String!) { createDirective(input: {code: $c, kind: PLAN, title: "Kế hoạch thử nghiệm Đề án 06",
                  issuer: "GL-UBND", issuedOn: "2025-10-01", parent: "57-NQ/TW", programs: ["DA06"]}) {
                  directive { code kind issuer { code } parent { code } programs { code } version } errors { code } } }""")
                .variable("c", code).execute()
                .path("createDirective.errors").entityList(Object.class).hasSize(0)
                .path("createDirective.directive.parent.code").entity(String.class).isEqualTo("57-NQ/TW")
                .path("createDirective.directive.programs[0].code").entity(String.class).isEqualTo("DA06")
                .path("createDirective.directive.version").entity(Long.class).isEqualTo(0L);
        String update = """
                mutation($c: String!, $v: Long!, $t: String) { updateDirective(code: $c, expectedVersion: $v,
                  input: {title: $t}) { directive { title version } errors { code field } } }""";
        admin().document(update).variable("c", code).variable("v", 0).variable("t", "Kế hoạch đã sửa").execute()
                .path("updateDirective.directive.title").entity(String.class).isEqualTo("Kế hoạch đã sửa");
        admin().document(update).variable("c", code).variable("v", 0).variable("t", "Ghi đè").execute()
                .path("updateDirective.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        admin().document("{ directives(filter: {search: \"ke hoach da sua\"}) { edges { node { code title } } } }")
                .execute().path("directives.edges[*].node.code").entityList(String.class).contains(code);
        admin().document("""
                mutation { createDirective(input: {code: "X", kind: PLAN, title: "", issuer: "NO-SUCH", issuedOn: "2999-01-01"}) {
                  directive { code } errors { code field } } }""")
                .execute()
                .path("createDirective.directive").valueIsNull()
                .path("createDirective.errors[*].field").entityList(Object.class).hasSize(2);
    }

    @Test
    void agenciesAndPeople() {
        String code = TestFixtures.uniqueCode("GL-XA");
        admin().document("""
                mutation($c: String!) { createAgency(input: {code: $c, name: "Ủy ban nhân dân xã Ia Grai", kind: COMMUNE,
                  parent: "GL-UBND", provinceCode: "GL"}) { agency { code name parent { code } version } errors { code } } }""")
                .variable("c", code).execute()
                .path("createAgency.agency.parent.code").entity(String.class).isEqualTo("GL-UBND");
        admin().document("{ agencies(filter: {search: \"ia grai\"}) { edges { node { code } } } }").execute()
                .path("agencies.edges[*].node.code").entityList(String.class).contains(code);
        admin().document("mutation($c: String!) { updateAgency(code: $c, expectedVersion: 0, "
                        + "input: {name: \"UBND xã Ia Grai\"}) { agency { name version } errors { code } } }")
                .variable("c", code).execute()
                .path("updateAgency.agency.name").entity(String.class).isEqualTo("UBND xã Ia Grai");
        admin().document("mutation { createAgency(input: {code: \"bad code!\", name: \"x\", kind: COMMUNE}) "
                        + "{ errors { code field } } }").execute()
                .path("createAgency.errors[0].field").entityList(String.class).containsExactly("input", "code");
        admin().document("mutation { createAgency(input: {code: \"GL-CA\", name: \"Trùng\", kind: DEPARTMENT}) "
                        + "{ errors { code } } }").execute()
                .path("createAgency.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        // An agency cannot be placed below itself.
        long provinceVersion = admin().document("{ agency(code: \"GL-UBND\") { version } }").execute()
                .path("agency.version").entity(Long.class).get();
        admin().document("mutation($c: String!, $v: Long!) { updateAgency(code: \"GL-UBND\", expectedVersion: $v, "
                        + "input: {parent: $c}) { errors { code field } } }")
                .variable("c", code).variable("v", provinceVersion).execute()
                .path("updateAgency.errors[0].code").entity(String.class).isEqualTo("BAD_USER_INPUT");
        String person = TestFixtures.uniqueCode("P");
        admin().document("mutation($c: String!, $a: String!) { createPerson(input: {code: $c, fullName: \"Trần Thị Hoa\", "
                        + "agency: $a, email: \"not-an-email\"}) { person { code } errors { field } } }")
                .variable("c", person).variable("a", code).execute()
                .path("createPerson.person").valueIsNull()
                .path("createPerson.errors[0].field").entityList(String.class).containsExactly("input", "email");
        admin().document("mutation($c: String!, $a: String!) { createPerson(input: {code: $c, fullName: \"Trần Thị Hoa\", "
                        + "agency: $a}) { person { code version } errors { field } } }")
                .variable("c", person).variable("a", code).execute()
                .path("createPerson.person.code").entity(String.class).isEqualTo(person);
        admin().document("mutation($c: String!) { updatePerson(code: $c, expectedVersion: 0, input: {position: \"Chủ tịch\"}) "
                        + "{ person { position } errors { code } } }")
                .variable("c", person).execute()
                .path("updatePerson.person.position").entity(String.class).isEqualTo("Chủ tịch");
    }

    @Test
    void pilotModels() {
        int number = 1000 + (int) (Math.random() * 90_000);
        admin().document("""
                mutation($n: Int!) { createPilotModel(input: {decision: "3488/KH-UBND", number: $n,
                  name: "Mô hình kiểm thử", program: "DA06", leadAgency: "GL-CA", status: NOT_STARTED, provinceCode: "GL"}) {
                  pilotModel { number name program { code } version } errors { code field } } }""")
                .variable("n", number).execute()
                .path("createPilotModel.pilotModel.number").entity(Integer.class).isEqualTo(number);
        admin().document("""
                mutation($n: Int!) { updatePilotModel(decision: "3488/KH-UBND", number: $n, expectedVersion: 0,
                  input: {status: IN_PROGRESS}) { pilotModel { status } errors { code } } }""")
                .variable("n", number).execute()
                .path("updatePilotModel.pilotModel.status").entity(String.class).isEqualTo("IN_PROGRESS");
        admin().document("""
                mutation($n: Int!) { createPilotModel(input: {decision: "3488/KH-UBND", number: $n, name: "Trùng",
                  status: NOT_STARTED}) { errors { code } } }""")
                .variable("n", number).execute()
                .path("createPilotModel.errors[0].code").entity(String.class).isEqualTo("CONFLICT");
        admin().document("mutation { updatePilotModel(decision: \"NO-SUCH\", number: 1, expectedVersion: 0, "
                        + "input: {status: COMPLETED}) { errors { code } } }").execute()
                .path("updatePilotModel.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    @Test
    void referenceDataIsForAdminsOnly() {
        HttpGraphQlTester reporter = tester.mutate().header("Authorization",
                "Bearer " + fixtures.portalToken("GL-CA", Scope.READ, Scope.REPORT)).build();
        reporter.document("mutation { createDirective(input: {code: \"T3-FORBIDDEN\", kind: PLAN, title: \"x\"}) "
                        + "{ directive { code } errors { code } } }").execute()
                .path("createDirective.directive").valueIsNull()
                .path("createDirective.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        reporter.document("mutation { createAgency(input: {code: \"T3-FORBIDDEN\", name: \"x\", kind: COMMUNE}) "
                        + "{ errors { code } } }").execute()
                .path("createAgency.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        admin().document("{ directive(code: \"T3-FORBIDDEN\") { code } agency(code: \"T3-FORBIDDEN\") { code } }")
                .execute().path("directive").valueIsNull().path("agency").valueIsNull();
    }
}
