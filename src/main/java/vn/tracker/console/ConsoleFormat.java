package vn.tracker.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tracker.common.AsOfDates;

/**
 * Numbers and dates as the reader's language writes them (templates: {@code @consoleFormat}):
 * Vietnamese 88,21 and 05/01/2026; English 88.21 and 2026-01-05 (ISO, unambiguous).
 */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String number(Number value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(2);
        return format.format(value instanceof BigDecimal big ? big : value);
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "—";
        }
        return isVietnamese() ? VI_DATE.format(date) : date.toString();
    }

    public String time(Instant instant) {
        if (instant == null) {
            return "—";
        }
        var local = instant.atZone(AsOfDates.ZONE);
        return isVietnamese() ? VI_TIME.format(local) : EN_TIME.format(local);
    }

    /**
     * The reader's half of a bilingual product message ("Vietnamese / English"): services speak
     * both languages in one string, the console shows the one the user chose.
     */
    public String text(String bilingual) {
        if (bilingual == null) {
            return "";
        }
        int split = bilingual.indexOf(" / ");
        if (split < 0) {
            return bilingual;
        }
        return isVietnamese() ? bilingual.substring(0, split) : bilingual.substring(split + 3);
    }

    private static boolean isVietnamese() {
        return !"en".equals(locale().getLanguage());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
