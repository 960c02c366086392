package vn.tracker.review;

import java.time.LocalDate;
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

    private final WeeklyReviewService reviews;
    private final AppendixExportService exports;
    private final AsOfDates asOfDates;

    ReviewConsoleController(WeeklyReviewService reviews, AppendixExportService exports, AsOfDates asOfDates) {
        this.reviews = reviews;
        this.exports = exports;
        this.asOfDates = asOfDates;
    }

    @GetMapping("/review")
    String review(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        LocalDate date = asOfDates.orToday(asOf);
        model.addAttribute("asOf", date);
        model.addAttribute("review", reviews.review(date, ReviewScope.ALL));
        model.addAttribute("pastReviews", reviews.closedReviews(PAST_REVIEWS));
        model.addAttribute("xlsxUrl", QueryLink.to("/review/appendix.xlsx").with("asOf", date).toString());
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

    /** The week's review in the provincial appendix layout. */
    @GetMapping("/review/appendix.xlsx")
    ResponseEntity<byte[]> appendix(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOfDates.orToday(asOf);
        byte[] xlsx = exports.weeklyReview(date, ReviewScope.ALL);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("giao-ban-tuan-" + WeeklyReviewService.weekOf(date) + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }
}
