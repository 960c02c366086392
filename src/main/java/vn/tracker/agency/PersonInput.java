package vn.tracker.agency;

/** Fields of createPerson/updatePerson; on update an omitted field keeps its value. */
public record PersonInput(String code, String fullName, String position, String email, String phone,
        String agency) {
}
