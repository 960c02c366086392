package vn.tracker.review;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.tracker.common.TextFolding;
import vn.tracker.task.TaskStatus;

/**
 * The fixed column layout of the provincial appendices (Phụ lục) that provinces exchange, shared by
 * the XLSX writer and reader so an exported file imports back unchanged.
 */
final class AppendixFormat {

    static final List<String> COLUMNS = List.of("STT", "Mã nhiệm vụ", "Nhiệm vụ cụ thể", "Văn bản giao nhiệm vụ",
            "Thời hạn hoàn thành", "Trạng thái thực hiện", "Kết quả thực hiện", "Lý do / Ghi chú");
    static final int STT = 0;
    static final int CODE = 1;
    static final int TITLE = 2;
    static final int DIRECTIVE = 3;
    static final int DUE = 4;
    static final int STATUS = 5;
    static final int RESULT = 6;
    static final int NOTE = 7;

    /** The line above the header that names the province the codes belong to. */
    static final String PROVINCE_PREFIX = "Tỉnh / Province: ";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static final Map<TaskStatus, String> STATUS_LABELS = Map.of(
            TaskStatus.COMPLETED, "Hoàn thành",
            TaskStatus.IN_PROGRESS, "Đang thực hiện",
            TaskStatus.ONGOING, "Thực hiện thường xuyên",
            TaskStatus.NOT_STARTED, "Chưa triển khai",
            TaskStatus.CANCELLED, "Không thực hiện");

    private AppendixFormat() {
    }

    /** Status from its Vietnamese label (accents optional) or its enum name. */
    static Optional<TaskStatus> status(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = TextFolding.fold(text.trim());
        for (Map.Entry<TaskStatus, String> e : STATUS_LABELS.entrySet()) {
            if (TextFolding.fold(e.getValue()).equals(folded) || e.getKey().name().equalsIgnoreCase(text.trim())) {
                return Optional.of(e.getKey());
            }
        }
        if (folded.equals("dung trien khai")) {
            return Optional.of(TaskStatus.CANCELLED);
        }
        return Optional.empty();
    }

    static String roman(int n) {
        String[] r = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            while (n >= v[i]) {
                sb.append(r[i]);
                n -= v[i];
            }
        }
        return sb.toString();
    }
}
