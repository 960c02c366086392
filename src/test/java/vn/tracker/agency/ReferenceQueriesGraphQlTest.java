package vn.tracker.agency;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestTokens;

/** The reference queries over HTTP: agencies, directives, programs, today, and their nested fields. */
@IntegrationTest
class ReferenceQueriesGraphQlTest {

    @Autowired
    HttpGraphQlTester tester;

    @Test
    void agencyTree() {
        TestTokens.asAdmin(tester).document("""
                { agency(code: "GL-VPUBND") { code name kind parent { code } children { code } people { code } version }
                  agencies(filter: {kind: [PROVINCE], search: "uy ban nhan dan tinh gia lai"}, first: 5) {
                    totalCount edges { node { code } } }
                  below: agencies(filter: {parent: "GL-UBND"}, first: 100) { edges { node { code parent { code } } } } }""")
                .execute()
                .path("agency.parent.code").entity(String.class).isEqualTo("GL-UBND")
                .path("agency.children[*].code").entityList(String.class).contains("GL-TTPVHCC")
                .path("agency.kind").entity(String.class).isEqualTo("DEPARTMENT")
                .path("agencies.edges[*].node.code").entityList(String.class).contains("GL-UBND")
                .path("below.edges[*].node.code").entityList(String.class).contains("GL-VPUBND", "GL-CA")
                .path("below.edges[*].node.parent.code").entityList(String.class)
                .satisfies(parents -> org.assertj.core.api.Assertions.assertThat(parents).containsOnly("GL-UBND"));
    }

    @Test
    void directivesProgramsAndToday() {
        TestTokens.asAdmin(tester).document("""
                { directive(code: "SEED-BC-VPUBND-2025") { code kind parent { code implementedBy { code } } programs { code } }
                  directives(filter: {program: ["DA06"], kind: [PLAN]}, first: 100) { totalCount edges { node { code kind } } }
                  byParent: directives(filter: {parent: "08/CV-TGV"}) { edges { node { code } } }
                  programs { code name }
                  today }""")
                .execute()
                .path("directive.kind").entity(String.class).isEqualTo("REPORT")
                .path("directive.parent.code").entity(String.class).isEqualTo("08/CV-TGV")
                .path("directive.parent.implementedBy[*].code").entityList(String.class).contains("SEED-BC-VPUBND-2025")
                .path("directives.edges[*].node.kind").entityList(String.class)
                .satisfies(kinds -> org.assertj.core.api.Assertions.assertThat(kinds).containsOnly("PLAN"))
                .path("directives.edges[*].node.code").entityList(String.class).contains("3488/KH-UBND")
                .path("byParent.edges[*].node.code").entityList(String.class).contains("SEED-BC-VPUBND-2025")
                .path("programs[*].code").entityList(String.class).contains("NQ57", "DA06")
                .path("today").hasValue();
        TestTokens.asAdmin(tester).document("{ directive(code: \"NO-SUCH\") { code } agency(code: \"NO-SUCH\") { code } }")
                .execute().path("directive").valueIsNull().path("agency").valueIsNull();
    }
}
