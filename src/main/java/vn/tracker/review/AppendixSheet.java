package vn.tracker.review;

import java.time.LocalDate;
import java.util.List;

/** What goes into one appendix: a title, the as-of date, the province and rows grouped by lead agency. */
record AppendixSheet(String title, LocalDate asOf, String province, List<Group> groups) {

    record Group(String agencyCode, String agencyName, List<Row> rows) {
    }

    record Row(String code, String title, String directiveCode, String due, String status, String result,
            String note) {
    }
}
