package vn.tracker.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an {@link AppendixSheet} as XLSX in the provinces' layout: title row, as-of line, province
 * line, the fixed header, then for each lead agency a Roman-numbered group row followed by its tasks
 * numbered 1, 2, … Streams rows (SXSSF, with a shared-strings table as Excel writes), so long lists do not
 * sit in memory.
 */
final class AppendixWriter {

    private static final int[] WIDTHS = {6, 18, 60, 20, 16, 18, 60, 50};

    private AppendixWriter() {
    }

    static byte[] write(AppendixSheet sheet) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, false, true)) {
            Sheet s = wb.createSheet("Phu luc");
            CellStyle title = style(wb, true, 14, HorizontalAlignment.CENTER, false);
            CellStyle italic = wb.createCellStyle();
            italic.setAlignment(HorizontalAlignment.CENTER);
            Font i = wb.createFont();
            i.setItalic(true);
            italic.setFont(i);
            CellStyle header = style(wb, true, 11, HorizontalAlignment.CENTER, true);
            CellStyle group = style(wb, true, 11, HorizontalAlignment.LEFT, true);
            CellStyle cell = style(wb, false, 11, HorizontalAlignment.LEFT, true);
            CellStyle center = style(wb, false, 11, HorizontalAlignment.CENTER, true);
            int last = AppendixFormat.COLUMNS.size() - 1;

            int r = 0;
            put(s.createRow(r), 0, sheet.title(), title);
            s.addMergedRegion(new CellRangeAddress(r, r, 0, last));
            r++;
            put(s.createRow(r), 0, "(Số liệu tính đến ngày " + AppendixFormat.DAY.format(sheet.asOf()) + ")", italic);
            s.addMergedRegion(new CellRangeAddress(r, r, 0, last));
            r++;
            if (sheet.province() != null) {
                put(s.createRow(r), 0, AppendixFormat.PROVINCE_PREFIX + sheet.province(), italic);
                s.addMergedRegion(new CellRangeAddress(r, r, 0, last));
            }
            r++;
            Row head = s.createRow(r++);
            for (int c = 0; c <= last; c++) {
                put(head, c, AppendixFormat.COLUMNS.get(c), header);
                s.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int groupNo = 0;
            for (AppendixSheet.Group g : sheet.groups()) {
                Row gr = s.createRow(r);
                put(gr, 0, AppendixFormat.roman(++groupNo), group);
                put(gr, 1, g.agencyName() + " [" + g.agencyCode() + "]", group);
                for (int c = 2; c <= last; c++) {
                    put(gr, c, null, group);
                }
                s.addMergedRegion(new CellRangeAddress(r, r, 1, last));
                r++;
                int n = 0;
                for (AppendixSheet.Row row : g.rows()) {
                    Row x = s.createRow(r++);
                    put(x, AppendixFormat.STT, String.valueOf(++n), center);
                    put(x, AppendixFormat.CODE, row.code(), cell);
                    put(x, AppendixFormat.TITLE, row.title(), cell);
                    put(x, AppendixFormat.DIRECTIVE, row.directiveCode(), cell);
                    put(x, AppendixFormat.DUE, row.due(), center);
                    put(x, AppendixFormat.STATUS, row.status(), center);
                    put(x, AppendixFormat.RESULT, row.result(), cell);
                    put(x, AppendixFormat.NOTE, row.note(), cell);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(Row row, int column, String value, CellStyle style) {
        Cell c = row.createCell(column);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
    }

    private static CellStyle style(SXSSFWorkbook wb, boolean bold, int size, HorizontalAlignment align,
            boolean border) {
        CellStyle st = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(bold);
        f.setFontHeightInPoints((short) size);
        f.setFontName("Times New Roman");
        st.setFont(f);
        st.setAlignment(align);
        st.setVerticalAlignment(VerticalAlignment.TOP);
        st.setWrapText(true);
        if (border) {
            st.setBorderBottom(BorderStyle.THIN);
            st.setBorderTop(BorderStyle.THIN);
            st.setBorderLeft(BorderStyle.THIN);
            st.setBorderRight(BorderStyle.THIN);
        }
        return st;
    }
}
