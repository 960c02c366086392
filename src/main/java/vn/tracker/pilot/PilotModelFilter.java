package vn.tracker.pilot;

import java.util.List;

/** Filter of pilotModels; omitted fields do not filter, lists match any value. */
public record PilotModelFilter(List<String> program, List<String> decision, List<String> leadAgency,
        List<PilotModelStatus> status, String province, String search) {
}
