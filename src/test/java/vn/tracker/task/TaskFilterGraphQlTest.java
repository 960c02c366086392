package vn.tracker.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import vn.tracker.support.IntegrationTest;
import vn.tracker.support.TestFixtures;
import vn.tracker.support.TestTokens;

/** tasks(filter, orderBy, first, after, asOf) and taskStats over HTTP against the sample data. */
@IntegrationTest
class TaskFilterGraphQlTest {

    static final String CODES = """
            query($filter: TaskFilter, $orderBy: TaskOrder, $first: Int, $after: String, $asOf: Date) {
              tasks(filter: $filter, orderBy: $orderBy, first: $first, after: $after, asOf: $asOf) {
                totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }""";

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    TestFixtures fixtures;

    HttpGraphQlTester admin() {
        return TestTokens.asAdmin(tester);
    }

    List<String> codes(Map<String, Object> filter) {
        return admin().document(CODES).variable("filter", filter).variable("first", 100)
                .variable("asOf", "2026-01-06").execute()
                .path("tasks.edges[*].node.code").entityList(String.class).get();
    }

    @Test
    void searchIsAccentInsensitiveOverCodeTitleAndResult() {
        assertThat(codes(Map.of("search", "phan mem"))).contains("470_TBKL_NQ57");
        assertThat(codes(Map.of("search", "PHẦN MỀM"))).contains("470_TBKL_NQ57");
        assertThat(codes(Map.of("search", "470_tbkl"))).containsExactly("470_TBKL_NQ57");
        // "iGate" is only in the result text of 470_TBKL_NQ57.
        assertThat(codes(Map.of("search", "igate"))).contains("470_TBKL_NQ57");
        assertThat(codes(Map.of("search", "100%_' OR 1=1 --"))).isEmpty();
    }

    @Test
    void healthFilterUsesTheAsOfDate() {
        assertThat(codes(Map.of("province", "GL", "health", List.of("OVERDUE"))))
                .containsExactlyInAnyOrder("SEED-003-08", "SEED-003-09", "SEED-003-06", "SEED-002-04");
        List<String> dueSoon = admin().document(CODES)
                .variable("filter", Map.of("province", "GL", "health", List.of("OVERDUE"))).variable("first", 100)
                .variable("asOf", "2025-12-31").execute()
                .path("tasks.edges[*].node.code").entityList(String.class).get();
        assertThat(dueSoon).isEmpty();
    }

    @Test
    void agenciesWithSubAgenciesAndAnyAgency() {
        List<String> own = codes(Map.of("leadAgency", List.of("GL-UBND")));
        List<String> withBelow = codes(Map.of("leadAgency", List.of("GL-UBND"), "includeSubAgencies", true));
        assertThat(own).hasSize(4);
        assertThat(withBelow).containsAll(own).contains("470_TBKL_NQ57").hasSizeGreaterThan(own.size() + 15);
        // SEED-003-02 is coordinated by GL-STP among others.
        assertThat(codes(Map.of("anyAgency", List.of("GL-STP")))).contains("SEED-003-02");
        assertThat(codes(Map.of("leadAgency", List.of("GL-STP")))).doesNotContain("SEED-003-02");
    }

    @Test
    void directivesWithImplementingPlansProgramsAndStatus() {
        assertThat(codes(Map.of("directive", List.of("08/CV-TGV")))).isEmpty();
        assertThat(codes(Map.of("directive", List.of("08/CV-TGV"), "includeImplementing", true))).hasSize(4);
        assertThat(codes(Map.of("program", List.of("DA06"), "province", "GL")))
                .hasSize(3);
        assertThat(codes(Map.of("status", List.of("ONGOING"), "province", "TN"))).hasSize(4);
        assertThat(codes(Map.of("dueFrom", "2026-01-05", "dueTo", "2026-01-05"))).contains("SEED-003-06");
    }

    @Test
    void unknownCodesAndBadFiltersAreErrors() {
        admin().document(CODES).variable("filter", Map.of("leadAgency", List.of("NO-SUCH"))).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "NOT_FOUND")
                            .containsEntry("field", "filter.leadAgency");
                });
        admin().document(CODES).variable("filter", Map.of("dueFrom", "2026-02-30")).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        admin().document(CODES).variable("filter", Map.of("search", "x".repeat(201))).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("code", "BAD_USER_INPUT"));
        admin().document(CODES).variable("after", "not-a-cursor").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("code", "BAD_USER_INPUT"));
    }

    @Test
    void everyOrderPagesWithoutGapsOrRepeats() {
        for (String field : List.of("ID", "DUE_ON", "CODE", "UPDATED_AT", "HEALTH_SEVERITY")) {
            for (String direction : List.of("ASC", "DESC")) {
                Map<String, Object> orderBy = Map.of("field", field, "direction", direction);
                Map<String, Object> filter = Map.of("province", "GL");
                List<String> all = admin().document(CODES).variable("filter", filter).variable("orderBy", orderBy)
                        .variable("first", 100).variable("asOf", "2026-01-06").execute()
                        .path("tasks.edges[*].node.code").entityList(String.class).get();
                List<String> paged = new ArrayList<>();
                String after = null;
                boolean more = true;
                while (more) {
                    var response = admin().document(CODES).variable("filter", filter).variable("orderBy", orderBy)
                            .variable("first", 7).variable("after", after).variable("asOf", "2026-01-06").execute();
                    paged.addAll(response.path("tasks.edges[*].node.code").entityList(String.class).get());
                    more = response.path("tasks.pageInfo.hasNextPage").entity(Boolean.class).get();
                    after = response.path("tasks.pageInfo.endCursor").entity(String.class).get();
                }
                assertThat(paged).as(field + " " + direction).containsExactlyElementsOf(all);
            }
        }
        List<String> bySeverity = admin().document(CODES).variable("filter", Map.of("province", "GL"))
                .variable("orderBy", Map.of("field", "HEALTH_SEVERITY")).variable("first", 4)
                .variable("asOf", "2026-01-06").execute()
                .path("tasks.edges[*].node.code").entityList(String.class).get();
        assertThat(bySeverity).containsExactlyInAnyOrder("SEED-003-08", "SEED-003-09", "SEED-003-06", "SEED-002-04");
    }

    @Test
    void cursorsStayValidWhenRowsAreInserted() {
        Map<String, Object> byCode = Map.of("field", "CODE");
        var first = admin().document(CODES).variable("orderBy", byCode).variable("first", 5).execute();
        String cursor = first.path("tasks.pageInfo.endCursor").entity(String.class).get();
        List<String> secondBefore = admin().document(CODES).variable("orderBy", byCode).variable("first", 5)
                .variable("after", cursor).execute().path("tasks.edges[*].node.code").entityList(String.class).get();
        fixtures.newTask("!" + TestFixtures.uniqueCode("A"), "GL-CA", null); // sorts before every sample code
        List<String> secondAfter = admin().document(CODES).variable("orderBy", byCode).variable("first", 5)
                .variable("after", cursor).execute().path("tasks.edges[*].node.code").entityList(String.class).get();
        assertThat(secondAfter).containsExactlyElementsOf(secondBefore);
    }

    @Test
    void statsAreCountedByTheDatabaseAndAddUp() {
        String stats = """
                query($filter: TaskFilter, $groupBy: [TaskStatsGroupBy!]) {
                  taskStats(filter: $filter, groupBy: $groupBy, asOf: "2026-01-06") {
                    asOf total { total completed inProgress notStarted overdue done onTrack atRisk
                                 byStatus { status count } }
                    groups { agency { code } status health counts { total } } } }""";
        Map<String, Object> gl = Map.of("province", "GL");
        long total = admin().document(CODES).variable("filter", gl).variable("first", 1).execute()
                .path("tasks.totalCount").entity(Long.class).get();
        var response = admin().document(stats).variable("filter", gl).variable("groupBy", List.of("AGENCY", "HEALTH"))
                .execute()
                .path("taskStats.asOf").entity(String.class).isEqualTo("2026-01-06")
                .path("taskStats.total.total").entity(Long.class).isEqualTo(total)
                .path("taskStats.total.overdue").entity(Long.class).isEqualTo(4L);
        List<Long> groupTotals = response.path("taskStats.groups[*].counts.total").entityList(Long.class).get();
        assertThat(groupTotals.stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        response.path("taskStats.groups[0].agency.code").entity(String.class).isEqualTo("GL-AYUNPA");
        admin().document(stats).variable("filter", Map.of("province", "TN")).variable("groupBy", List.of("STATUS"))
                .execute()
                .path("taskStats.groups[*].status").entityList(String.class).containsExactly("IN_PROGRESS", "ONGOING")
                .path("taskStats.groups[*].counts.total").entityList(Long.class).containsExactly(1L, 4L);
        admin().document(stats).variable("filter", gl).variable("groupBy", List.of("PROGRAM")).execute()
                .path("taskStats.total.total").entity(Long.class).isEqualTo(total);
    }

    @Test
    void directiveAgencyAndPilotModelLists() {
        admin().document("""
                { directive(code: "08/CV-TGV") {
                    tasks(filter: {includeImplementing: true}) { totalCount }
                    taskStats(filter: {includeImplementing: true}, groupBy: [DIRECTIVE], asOf: "2026-01-06") {
                      groups { directive { code } counts { total } } } }
                  agency(code: "GL-UBND") {
                    tasks(filter: {includeSubAgencies: false}) { totalCount }
                    taskStats(asOf: "2026-01-06") { total { total } } }
                  directives(filter: {search: "mo hinh diem", kind: [DECISION]}, first: 50) { edges { node { code } } }
                  pilotModels(filter: {decision: ["3488/KH-UBND"], status: [IN_PROGRESS]}, first: 100) { totalCount }
                  pilotModel(decision: "3488/KH-UBND", number: 12) { name leadAgency { code } tasks { totalCount } } }""")
                .execute()
                .path("directive.tasks.totalCount").entity(Integer.class).isEqualTo(4)
                .path("directive.taskStats.groups[0].directive.code").entity(String.class).isEqualTo("SEED-BC-VPUBND-2025")
                .path("agency.tasks.totalCount").entity(Integer.class).isEqualTo(4)
                .path("agency.taskStats.total.total").entity(Integer.class).isEqualTo(4)
                .path("directives.edges[*].node.code").entityList(String.class).contains("342-QĐ/TU", "343-QĐ/TU")
                .path("pilotModels.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive())
                .path("pilotModel.name").entity(String.class).isEqualTo("Triển khai nền tảng quản lý lưu trú trên xe khách đường dài")
                .path("pilotModel.leadAgency.code").entity(String.class).isEqualTo("GL-CA");
    }

    @Test
    void pilotModelPortfolioFlagsConflictingDocuments() {
        admin().document("""
                { pilotModelPortfolio(province: "GL") {
                    sets { name decision { code } lines { programCode declared entered difference } }
                    conflicts { programCode sets values message } } }""")
                .execute()
                .path("pilotModelPortfolio.sets[*].name").entityList(String.class)
                .contains("342-QĐ/TU", "343-QĐ/TU", "TCT06-42", "3488/KH-UBND")
                .path("pilotModelPortfolio.conflicts[0].sets").entityList(String.class)
                .containsExactly("342-QĐ/TU", "343-QĐ/TU")
                .path("pilotModelPortfolio.conflicts[0].values").entityList(Integer.class).containsExactly(95, 94)
                .path("pilotModelPortfolio.conflicts[0].programCode").entity(String.class).isEqualTo("ALL");
        admin().document("""
                { pilotModelPortfolio(decision: "342-QĐ/TU") {
                    sets { name lines { programCode declared entered } } conflicts { values } } }""")
                .execute()
                .path("pilotModelPortfolio.sets[*].name").entityList(String.class).containsExactly("342-QĐ/TU")
                .path("pilotModelPortfolio.sets[0].lines[?(@.programCode == 'ALL')].declared")
                .entityList(Integer.class).containsExactly(95)
                .path("pilotModelPortfolio.conflicts[0].values").entityList(Integer.class).containsExactly(95, 94);
    }
}
