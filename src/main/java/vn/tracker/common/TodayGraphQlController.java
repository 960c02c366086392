package vn.tracker.common;

import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TodayGraphQlController {

    private final AsOfDates asOfDates;

    TodayGraphQlController(AsOfDates asOfDates) {
        this.asOfDates = asOfDates;
    }

    @QueryMapping
    LocalDate today() {
        return asOfDates.today();
    }
}
