package vn.tracker.bench;

/**
 * How much data the generator makes. {@link #full()} is the national picture of the issue: 34
 * provinces, 3,321 communes, ~1,000 departments, 1M tasks, 5M progress reports and annotations,
 * 10M observations. {@link #quick()} keeps the same shape, small enough for CI.
 */
/*
 * chunkRows: rows per import transaction. The importer keeps every row of an import in one
 * persistence context and its per-row look-ups flush it, so the cost per row grows with the
 * chunk; 500 keeps that small.
 */
public record Scale(String name, int provinces, int departmentsPerProvince, int communes,
        int directivesPerProvince, int tasks, int progressReports, int annotations,
        int indicators, int observationMonths, int observationAgencies, int chunkRows) {

    public static Scale full() {
        // 50 indicators x 3,321 communes x 60 months = 9,963,000 observations.
        return new Scale("full", 34, 29, 3_321, 30, 1_000_000, 4_000_000, 1_000_000, 50, 60, 3_321, 500);
    }

    public static Scale quick() {
        return new Scale("quick", 34, 4, 170, 4, 3_000, 9_000, 2_400, 2, 12, 68, 500);
    }

    /** The full shape times a factor (0.01 = 1 %), for a medium run on a shared machine. */
    public static Scale fraction(double f) {
        Scale s = full();
        return new Scale("full*" + f, 34, Math.max(3, (int) (s.departmentsPerProvince * Math.min(1, f * 10))),
                Math.max(34, (int) (s.communes * Math.min(1, f * 10))), Math.max(2, (int) (s.directivesPerProvince * Math.min(1, f * 10))),
                (int) (s.tasks * f), (int) (s.progressReports * f), (int) (s.annotations * f),
                Math.max(2, (int) (s.indicators * Math.min(1, f * 10))), s.observationMonths,
                Math.max(34, (int) (s.observationAgencies * Math.min(1, f * 10))), s.chunkRows);
    }

    /** The same data cut into import chunks of another size (--chunk-rows): one import transaction each. */
    public Scale withChunkRows(int rows) {
        return rows == chunkRows ? this : new Scale(name + "-c" + rows, provinces, departmentsPerProvince, communes,
                directivesPerProvince, tasks, progressReports, annotations, indicators, observationMonths,
                observationAgencies, rows);
    }

    public long observations() {
        return (long) indicators * observationMonths * Math.min(observationAgencies, communes);
    }

    public int departments() {
        return provinces * departmentsPerProvince;
    }

    @Override
    public String toString() {
        return String.format("%s: %d provinces, %d departments, %d communes, %d directives, %d tasks, "
                        + "%d progress reports, %d annotations, %d observations, %d rows per chunk", name, provinces, departments(),
                communes, provinces * directivesPerProvince, tasks, progressReports, annotations, observations(), chunkRows);
    }
}
