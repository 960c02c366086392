package vn.tracker.indicator;

import java.util.List;

/** The points of one agency, one per period of the series, in time order. */
public record AgencySeries(AgencyTree.Node agency, List<SeriesPoint> points) {
}
