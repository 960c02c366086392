package vn.tracker.bench.operations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.tracker.bench.BenchContext;
import vn.tracker.bench.BenchOperation;
import vn.tracker.bench.HealthSql;

/**
 * The appendix export (Phụ lục) of about 1,000 task rows as XLSX over HTTP
 * ({@code /api/appendix/tasks.xlsx} filtered to lead agencies that together hold ~1,000 tasks).
 * Baseline: the same rows by JDBC written with POI (XSSF) by hand. Answer: number of task rows.
 */
public class XlsxExportOperation implements BenchOperation {

    static final int ROWS = 1_000;

    private String path;
    private final List<String> agencies = new ArrayList<>();
    private String province;

    @Override
    public String name() {
        return "xlsx_export";
    }

    @Override
    public String unsupportedReason(BenchContext ctx) {
        try {
            ctx.get("/api/appendix/tasks.xlsx?province=NONE");
            return null;
        } catch (Exception e) {
            return "/api/appendix/tasks.xlsx not available in this build";
        }
    }

    @Override
    public void prepare(BenchContext ctx) throws Exception {
        try (Connection c = ctx.jdbc();
             PreparedStatement ps = c.prepareStatement("SELECT a.code, t.province_code, COUNT(*) n FROM task t"
                     + " JOIN agency a ON a.id = t.lead_agency_id WHERE t.province_code = 'P02'"
                     + " GROUP BY a.code, t.province_code ORDER BY n DESC");
             ResultSet rs = ps.executeQuery()) {
            int total = 0;
            while (rs.next() && total < ROWS) {
                agencies.add(rs.getString(1));
                province = rs.getString(2);
                total += rs.getInt(3);
            }
            ctx.record("xlsx_rows", total);
        }
        StringBuilder sb = new StringBuilder("/api/appendix/tasks.xlsx?asOf=" + ctx.asOf() + "&province=" + province);
        agencies.forEach(a -> sb.append("&leadAgency=").append(a));
        path = sb.toString();
    }

    @Override
    public Object product(BenchContext ctx, int iteration) throws Exception {
        byte[] xlsx = ctx.get(path);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getSheetAt(0).getPhysicalNumberOfRows() > 0;
        }
    }

    @Override
    public Object baseline(BenchContext ctx, int iteration) throws Exception {
        String in = String.join(",", agencies.stream().map(a -> "'" + a + "'").toList());
        try (Connection c = ctx.jdbc();
             PreparedStatement ps = c.prepareStatement("SELECT t.code, t.title, d.code, a.name, t.due_text, t.due_on,"
                     + " t.status, t.progress, t.result, " + HealthSql.healthCase(ctx.asOf()) + " AS health"
                     + " FROM task t JOIN agency a ON a.id = t.lead_agency_id LEFT JOIN directive d ON d.id = t.directive_id"
                     + " WHERE t.province_code = ? AND a.code IN (" + in + ") ORDER BY a.code, t.code");
             XSSFWorkbook wb = new XSSFWorkbook()) {
            ps.setString(1, province);
            Sheet sheet = wb.createSheet("Phụ lục");
            int r = 0;
            Row header = sheet.createRow(r++);
            String[] titles = {"Mã", "Nhiệm vụ", "Văn bản", "Cơ quan chủ trì", "Thời hạn", "Hạn", "Trạng thái",
                    "Tiến độ", "Kết quả", "Tình trạng"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < 10; i++) {
                        Object v = rs.getObject(i + 1);
                        row.createCell(i).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.size() > 0;
        }
    }

    @Override
    public Map<String, String> summary(vn.tracker.bench.OperationResult result) {
        return Map.of();
    }
}
