package vn.tracker.review;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tracker.common.AsOfDates;
import vn.tracker.common.BadInputException;
import vn.tracker.common.ConflictException;
import vn.tracker.console.ConsoleController;
import vn.tracker.console.QueryLink;

/**
 * Giao ban tuần: the week's grouped list, what changed since the last closed review, closing the
 * week (snapshot), the appendix XLSX and past reviews — all on the weekly review service.
 */
@ConsoleController
class ReviewConsoleController {

    static final int PAST_REVIEWS = 12;
    static final int ITEMS_PER_GROUP = 20;
    static final int ITEMS_ON_PAGE = 500;

    private final WeeklyReviewService reviews;
    private final AppendixExportService exports;
    private final AsOfDates asOfDates;

    ReviewConsoleController(WeeklyReviewService reviews, AppendixExportService exports, AsOfDates asOfDates) {
        this.reviews = reviews;
        this.exports = exports;
        this.asOfDates = asOfDates;
    }

    /**
     * The week's review, optionally of one province or one lead agency. The list shows each
     * agency's first {@link #ITEMS_PER_GROUP} items and at most {@link #ITEMS_ON_PAGE} in all, with
     * exact counts and a link to the agency's full list: a province at national scale has ~15,000
     * red and amber tasks, which no meeting reads on one page.
     */
    @GetMapping("/review")
    String review(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String province, @RequestParam(required = false) String agency,
            Model model) {
        LocalDate date = asOfDates.orToday(asOf);
        ReviewScope scope = scope(province, agency);
        String lead = scope.leadAgencies().isEmpty() ? null : scope.leadAgencies().get(0);
        ReviewLimits limits = lead != null ? new ReviewLimits(null, null, 0)
                : new ReviewLimits(ITEMS_PER_GROUP, ITEMS_ON_PAGE, 0);
        model.addAttribute("asOf", date);
        model.addAttribute("province", scope.province());
        model.addAttribute("agency", lead);
        model.addAttribute("review", reviews.review(date, scope, limits));
        model.addAttribute("pastReviews", reviews.closedReviews(PAST_REVIEWS));
        model.addAttribute("xlsxUrl", QueryLink.to("/review/appendix.xlsx").with("asOf", date)
                .with("province", scope.province()).with("agency", lead).toString());
        model.addAttribute("agencyLink", QueryLink.to("/review").with("asOf", date).with("province", scope.province()));
        return "review/page";
    }

    /** Chốt giao ban: stores this week's review as it stands now (working group only). */
    @PostMapping("/review/close")
    String close(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            RedirectAttributes redirect) {
        try {
            reviews.close(asOf);
            redirect.addFlashAttribute("notice", "review.closedNotice");
        } catch (BadInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + QueryLink.to("/review").with("asOf", asOf);
    }

    /** A province and at most one lead agency, as the page's filter form sends them (blank: none). */
    private static ReviewScope scope(String province, String agency) {
        return new ReviewScope(province, agency == null || agency.isBlank() ? List.of() : List.of(agency.trim()),
                List.of());
    }

    /** The week's review in the provincial appendix layout. */
    @GetMapping("/review/appendix.xlsx")
    ResponseEntity<byte[]> appendix(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String province, @RequestParam(required = false) String agency) {
        LocalDate date = asOfDates.orToday(asOf);
        byte[] xlsx = exports.weeklyReview(date, scope(province, agency));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("giao-ban-tuan-" + WeeklyReviewService.weekOf(date) + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }
}
