package vn.tracker.pilot;

import java.util.List;

/** Fields of createPilotModel/updatePilotModel; on update an omitted field keeps its value. */
public record PilotModelInput(String decision, Integer number, String name, String program, String leadAgency,
        PilotModelStatus status, String provinceCode, List<String> otherDecisions) {
}
