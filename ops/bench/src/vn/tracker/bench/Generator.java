package vn.tracker.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the national dataset as CSV files in the layout of the product's importer
 * (src/main/resources/sample/), split into chunk folders the importer loads one at a time:
 * {@code 000-base} (agencies, directives, indicators), then {@code 1xx-tasks-…} and
 * {@code 2xx-observations-…}. Deterministic: the same scale gives the same files.
 */
public final class Generator {

    /** Bump when the generated files change, so cached files of an older generator are rewritten. */
    static final int VERSION = 2;

    /** The 34 provincial units after the 2025 merger. */
    static final String[] PROVINCES = {"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn",
            "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
            "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
            "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ",
            "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"};
    static final String[] DEPARTMENTS = {"Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp",
            "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Công Thương",
            "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh", "Văn phòng UBND tỉnh", "Thanh tra tỉnh",
            "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Ban Quản lý khu kinh tế", "Bảo hiểm xã hội tỉnh",
            "Cục Thuế tỉnh", "Kho bạc Nhà nước khu vực", "Đài Phát thanh và Truyền hình", "Báo tỉnh",
            "Trường Chính trị tỉnh", "Liên minh Hợp tác xã", "Ban Tuyên giáo và Dân vận", "Ban Tổ chức Tỉnh ủy",
            "Văn phòng Tỉnh ủy", "Ủy ban MTTQ Việt Nam tỉnh", "Viễn thông tỉnh (VNPT)", "Viettel tỉnh",
            "Bưu điện tỉnh"};
    static final String[] PROGRAMS = {"NQ57", "DA06", "CCHC", "CDS"};
    static final String[] VERBS = {"Triển khai", "Hoàn thiện", "Xây dựng", "Số hóa", "Kết nối", "Đánh giá",
            "Rà soát", "Nâng cấp", "Tích hợp", "Đào tạo"};
    static final String[] OBJECTS = {"cơ sở dữ liệu dân cư", "hệ thống thông tin giải quyết thủ tục hành chính",
            "nền tảng định danh điện tử VNeID", "dịch vụ công trực tuyến toàn trình", "trung tâm dữ liệu tỉnh",
            "hồ sơ sức khỏe điện tử", "chữ ký số cho cán bộ", "hạ tầng mạng 5G", "an toàn thông tin cấp độ 3",
            "kho dữ liệu dùng chung", "học bạ số", "sổ tay đảng viên điện tử"};
    static final String[] STATUSES = {"COMPLETED", "IN_PROGRESS", "NOT_STARTED", "ONGOING", "CANCELLED"};
    static final int[] STATUS_WEIGHTS = {30, 42, 13, 10, 5};

    private final Scale scale;
    private final LocalDate asOf;
    private final SplittableRandom random = new SplittableRandom(20260101L);

    public Generator(Scale scale, LocalDate asOf) {
        this.scale = scale;
        this.asOf = asOf;
    }

    static String province(int p) {
        return String.format("P%02d", p + 1);
    }

    static String provinceAgency(int p) {
        return "N-" + province(p);
    }

    static String department(int p, int d) {
        return String.format("N-%s-S%02d", province(p), d + 1);
    }

    static String commune(int p, int c) {
        return String.format("N-%s-X%04d", province(p), c + 1);
    }

    static String directive(int p, int d) {
        return String.format("%d/KH-UBND-%s", d + 1, province(p));
    }

    static String taskCode(int p, int n) {
        return String.format("NV-%s-%07d", province(p), n);
    }

    int communesOf(int p) {
        int base = scale.communes() / scale.provinces();
        return base + (p < scale.communes() % scale.provinces() ? 1 : 0);
    }

    /** Writes every chunk folder under {@code dir}; returns them in import order. */
    public List<Path> write(Path dir) throws IOException {
        return write(dir, true);
    }

    /** With {@code taskData} false only the base chunk (agencies, directives, indicators). */
    public List<Path> write(Path dir, boolean taskData) throws IOException {
        Files.createDirectories(dir);
        List<Path> chunks = new ArrayList<>();
        Path base = dir.resolve("000-base");
        Files.createDirectories(base);
        writeAgencies(base.resolve("agencies.csv"));
        writeDirectives(base.resolve("directives.csv"));
        writeIndicators(base.resolve("indicators.csv"));
        // The importer takes an indicator's period type from the observations imported with it:
        // one monthly row per indicator here makes them MONTH indicators (rows re-imported later
        // with the same value are unchanged).
        writeFirstObservations(base.resolve("observations.csv"));
        chunks.add(base);
        if (taskData) {
            chunks.addAll(writeTasks(dir));
            chunks.addAll(writeObservations(dir));
        }
        return chunks;
    }

    private void writeAgencies(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,name,kind,parent_code,province\n");
            for (int p = 0; p < scale.provinces(); p++) {
                String name = PROVINCES[p % PROVINCES.length];
                row(w, provinceAgency(p), "Ủy ban nhân dân tỉnh " + name, "PROVINCE", "", province(p));
                for (int d = 0; d < scale.departmentsPerProvince(); d++) {
                    row(w, department(p, d), DEPARTMENTS[d % DEPARTMENTS.length] + " " + name
                            + (d >= DEPARTMENTS.length ? " " + (d / DEPARTMENTS.length + 1) : ""),
                            "DEPARTMENT", provinceAgency(p), province(p));
                }
                for (int c = 0; c < communesOf(p); c++) {
                    row(w, commune(p, c), (c % 3 == 0 ? "Phường " : "Xã ") + "số " + (c + 1) + " tỉnh " + name,
                            "COMMUNE", provinceAgency(p), province(p));
                }
            }
        }
    }

    private void writeDirectives(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,kind,title,issuer,issued_on,parent_code,program\n");
            for (int p = 0; p < scale.provinces(); p++) {
                String issuer = "Ủy ban nhân dân tỉnh " + PROVINCES[p % PROVINCES.length];
                for (int d = 0; d < scale.directivesPerProvince(); d++) {
                    String program = PROGRAMS[d % PROGRAMS.length];
                    row(w, directive(p, d), "PLAN", "Kế hoạch số " + (d + 1) + " triển khai chương trình " + program
                                    + " năm 2026 của " + issuer, issuer,
                            asOf.minusDays(200 + d).toString(), "", program);
                }
            }
        }
    }

    private void writeIndicators(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,name,unit,direction,target_value,target_source\n");
            for (int i = 0; i < scale.indicators(); i++) {
                boolean percent = i % 2 == 0;
                row(w, String.format("NAT_IND_%03d", i + 1),
                        (percent ? "Tỷ lệ hồ sơ trực tuyến toàn trình nhóm " : "Số giao dịch thanh toán không dùng tiền mặt nhóm ") + (i + 1),
                        percent ? "PERCENT" : "COUNT", "HIGHER_BETTER", percent ? "80" : "", percent ? "Chỉ tiêu giả lập" : "");
            }
        }
    }

    private void writeFirstObservations(Path file) throws IOException {
        LocalDate month = asOf.withDayOfMonth(1).minusMonths(scale.observationMonths());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("indicator_code,scope,period,value,numerator,denominator,as_of,source_doc,note\n");
            for (int i = 0; i < scale.indicators(); i++) {
                row(w, String.format("NAT_IND_%03d", i + 1), commune(0, 0),
                        String.format("%d-%02d", month.getYear(), month.getMonthValue()), "1", "", "",
                        month.plusMonths(1).toString(), "bench-generator", "period type probe");
            }
        }
    }

    private List<Path> writeTasks(Path dir) throws IOException {
        List<Path> chunks = new ArrayList<>();
        int perProvince = Math.max(1, scale.tasks() / scale.provinces());
        int written = 0;
        int chunk = 0;
        BufferedWriter w = null;
        try {
            for (int p = 0; p < scale.provinces() && written < scale.tasks(); p++) {
                int count = p == scale.provinces() - 1 ? scale.tasks() - written : Math.min(perProvince, scale.tasks() - written);
                for (int n = 1; n <= count; n++) {
                    if (written % scale.chunkRows() == 0) {
                        if (w != null) {
                            w.close();
                        }
                        Path c = dir.resolve(String.format("1%05d-tasks", chunk++));
                        Files.createDirectories(c);
                        chunks.add(c);
                        w = Files.newBufferedWriter(c.resolve("tasks.csv"), StandardCharsets.UTF_8);
                        w.write("code,title,directive_code,lead_agency_code,coordinating_agency_codes,due_on,status,result,source_doc,province\n");
                    }
                    writeTask(w, p, n);
                    written++;
                }
            }
        } finally {
            if (w != null) {
                w.close();
            }
        }
        return chunks;
    }

    private void writeTask(BufferedWriter w, int p, int n) throws IOException {
        String lead = leadAgency(p);
        String coordinators = random.nextInt(3) == 0 ? "" : leadAgency(p) + (random.nextBoolean() ? ";" + leadAgency(p) : "");
        if (coordinators.contains(lead) || hasDuplicate(coordinators)) {
            coordinators = "";
        }
        String status = weighted();
        String due = "ONGOING".equals(status) && random.nextBoolean() ? "" : dueText();
        String title = VERBS[random.nextInt(VERBS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)]
                + " tại " + PROVINCES[p % PROVINCES.length] + " (đợt " + (n % 97 + 1) + ")";
        String result = "COMPLETED".equals(status) ? "Đã hoàn thành, báo cáo kết quả số " + n + "/BC" : "";
        row(w, taskCode(p, n), title, directive(p, random.nextInt(scale.directivesPerProvince())), lead, coordinators,
                due, status, result, "bench-generator", province(p));
    }

    private static boolean hasDuplicate(String codes) {
        String[] parts = codes.split(";");
        return parts.length == 2 && parts[0].equals(parts[1]);
    }

    private String leadAgency(int p) {
        // Departments lead most provincial tasks; communes the rest.
        return random.nextInt(10) < 7 ? department(p, random.nextInt(scale.departmentsPerProvince()))
                : commune(p, random.nextInt(communesOf(p)));
    }

    private String weighted() {
        int r = random.nextInt(100);
        for (int i = 0; i < STATUSES.length; i++) {
            r -= STATUS_WEIGHTS[i];
            if (r < 0) {
                return STATUSES[i];
            }
        }
        return STATUSES[0];
    }

    /** Deadlines as documents write them: days, months, quarters, years, around the as-of date. */
    private String dueText() {
        LocalDate d = asOf.plusDays(random.nextInt(600) - 200);
        return switch (random.nextInt(4)) {
            case 0 -> "Quý " + ((d.getMonthValue() - 1) / 3 + 1) + " năm " + d.getYear();
            case 1 -> "Tháng " + d.getMonthValue() + "/" + d.getYear();
            default -> d.toString();
        };
    }

    private List<Path> writeObservations(Path dir) throws IOException {
        List<Path> chunks = new ArrayList<>();
        int agencies = Math.min(scale.observationAgencies(), scale.communes());
        long written = 0;
        int chunk = 0;
        BufferedWriter w = null;
        LocalDate firstMonth = asOf.withDayOfMonth(1).minusMonths(scale.observationMonths());
        try {
            for (int i = 0; i < scale.indicators(); i++) {
                boolean percent = i % 2 == 0;
                String indicator = String.format("NAT_IND_%03d", i + 1);
                for (int a = 0; a < agencies; a++) {
                    int p = a % scale.provinces();
                    int c = (a / scale.provinces()) % communesOf(p);
                    for (int m = 0; m < scale.observationMonths(); m++) {
                        if (written % scale.chunkRows() == 0) {
                            if (w != null) {
                                w.close();
                            }
                            Path c2 = dir.resolve(String.format("2%05d-observations", chunk++));
                            Files.createDirectories(c2);
                            chunks.add(c2);
                            w = Files.newBufferedWriter(c2.resolve("observations.csv"), StandardCharsets.UTF_8);
                            w.write("indicator_code,scope,period,value,numerator,denominator,as_of,source_doc,note\n");
                        }
                        LocalDate month = firstMonth.plusMonths(m);
                        String period = String.format("%d-%02d", month.getYear(), month.getMonthValue());
                        String value = percent ? String.valueOf(Math.min(100, 40 + m + random.nextInt(20)))
                                : String.valueOf(1000 + random.nextInt(5000));
                        row(w, indicator, commune(p, c), period, value, "", "",
                                month.plusMonths(1).toString(), "bench-generator", "");
                        written++;
                    }
                }
            }
        } finally {
            if (w != null) {
                w.close();
            }
        }
        return chunks;
    }

    private static void row(BufferedWriter w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                w.write('"');
                w.write(c.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(c);
            }
        }
        w.write('\n');
    }
}
