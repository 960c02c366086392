package vn.tracker.review;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import vn.tracker.common.BadInputException;
import vn.tracker.common.TextFolding;

/**
 * Reads the appendix layout back: finds the header row (STT, Mã nhiệm vụ, …), the province line,
 * then group rows (Roman numeral, "Agency name [CODE]") and task rows under them.
 */
final class AppendixReader {

    /** A task row as written, with the group (lead agency) text above it. */
    record Line(int rowNumber, String agencyText, String code, String title, String directiveCode, String due,
            String status, String result) {
    }

    record Parsed(String province, List<Line> lines) {
    }

    private AppendixReader() {
    }

    static Parsed read(InputStream in) {
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            String province = null;
            int header = -1;
            for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 30) && header < 0; r++) {
                String first = text(sheet.getRow(r), 0, formatter);
                if (first != null && first.startsWith(AppendixFormat.PROVINCE_PREFIX)) {
                    province = first.substring(AppendixFormat.PROVINCE_PREFIX.length()).trim();
                }
                String second = text(sheet.getRow(r), 1, formatter);
                if (first != null && TextFolding.fold(first).equals("stt") && second != null
                        && TextFolding.fold(second).contains("ma nhiem vu")) {
                    header = r;
                }
            }
            if (header < 0) {
                throw new BadInputException("file", "Không tìm thấy dòng tiêu đề cột (STT, Mã nhiệm vụ, …) / "
                        + "header row (STT, Mã nhiệm vụ, …) not found");
            }
            List<Line> lines = new ArrayList<>();
            String agency = null;
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String stt = text(row, AppendixFormat.STT, formatter);
                String code = text(row, AppendixFormat.CODE, formatter);
                String title = text(row, AppendixFormat.TITLE, formatter);
                String directive = text(row, AppendixFormat.DIRECTIVE, formatter);
                String due = text(row, AppendixFormat.DUE, formatter);
                String status = text(row, AppendixFormat.STATUS, formatter);
                String result = text(row, AppendixFormat.RESULT, formatter);
                if (stt == null && code == null && title == null && directive == null && due == null && status == null
                        && result == null) {
                    continue;
                }
                if (title == null && directive == null && due == null && status == null && code != null
                        && (stt == null || stt.matches("[IVXLCDM]+\\.?"))) {
                    agency = code;
                    continue;
                }
                lines.add(new Line(r + 1, agency, code, title, directive, due, status, result));
            }
            return new Parsed(province, lines);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException("file", "Không đọc được tệp XLSX / not a readable XLSX file");
        }
    }

    private static String text(Row row, int column, DataFormatter formatter) {
        if (row == null) {
            return null;
        }
        Cell cell = row.getCell(column);
        if (cell == null) {
            return null;
        }
        String value;
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            value = AppendixFormat.DAY.format(cell.getLocalDateTimeCellValue().toLocalDate());
        } else {
            value = formatter.formatCellValue(cell);
        }
        value = value == null ? null : value.strip();
        return value == null || value.isEmpty() ? null : value;
    }
}
