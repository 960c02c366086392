package vn.tracker.dataimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/** Where the CSV files of one import come from: a folder on disk or the bundled sample set. */
public interface CsvSource {

    /** The rows of a file, or empty when this source has no such file. */
    Optional<List<CsvRow>> read(String fileName);

    String describe();

    static CsvSource sample() {
        return new CsvSource() {
            @Override
            public Optional<List<CsvRow>> read(String fileName) {
                ClassPathResource resource = new ClassPathResource("sample/" + fileName);
                if (!resource.exists()) {
                    return Optional.empty();
                }
                try (InputStream in = resource.getInputStream()) {
                    return Optional.of(parse(fileName, new InputStreamReader(in, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe() {
                return "classpath:sample/";
            }
        };
    }

    static CsvSource directory(Path dir) {
        return new CsvSource() {
            @Override
            public Optional<List<CsvRow>> read(String fileName) {
                Path file = dir.resolve(fileName);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return Optional.of(parse(fileName, reader));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe() {
                return dir.toString();
            }
        };
    }

    /** Parses RFC-4180 CSV with a header row; each row remembers the line it starts on. */
    static List<CsvRow> parse(String fileName, Reader reader) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<CsvRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            long nextStart = parser.getCurrentLineNumber() + 1;
            Iterator<CSVRecord> it = parser.iterator();
            while (it.hasNext()) {
                CSVRecord record = it.next();
                rows.add(new CsvRow(fileName, nextStart, record.toMap()));
                nextStart = parser.getCurrentLineNumber() + 1;
            }
        }
        return rows;
    }
}
