/// One Open311 GeoReport v2 service request, as `case export open311` writes it.
///
/// The mapping (docs/IMPORT.md): `status` is closed once the case is resolved or closed;
/// `service_name` is the category (the kind's Chinese name when there is none) and
/// `service_code` the kind; times are ISO 8601 with +08:00.
struct Open311Request: Equatable {
    var serviceRequestID: String
    var status: String
    var statusNotes: String?
    var serviceName: String
    var serviceCode: String
    var description: String
    var agencyResponsible: String?
    var requested: Timestamp
    var updated: Timestamp
    var expected: Timestamp
    var address: String?

    /// The request for a case; `agency` is its (lead) department's name, `place` its
    /// community, compound and address.
    init(_ c: CaseRecord, agency: String?, place: [String]) {
        serviceRequestID = c.display
        status = c.status == .resolved || c.status == .closed ? "closed" : "open"
        statusNotes = c.text("last_note") ?? c.text("outcome_reason")
        let kind = c.text("kind") ?? "help"
        serviceName = c.text("category") ?? ChoiceSet.caseKind.resolve(kind)?.label.zh ?? kind
        serviceCode = kind
        description = c.text("description") ?? c.title
        agencyResponsible = agency
        requested = c.created
        updated = c.time("updated_at") ?? c.created
        expected = c.resolveDue
        address = place.isEmpty ? nil : place.joined(separator: " ")
    }

    /// One JSON object on one line, keys in the order GeoReport v2 lists them.
    var json: String {
        func s(_ v: String?) -> String { v.map { JSON.quote($0, escapingHidden: true) } ?? "null" }
        let pairs: [(String, String)] = [
            ("service_request_id", s(serviceRequestID)), ("status", s(status)), ("status_notes", s(statusNotes)),
            ("service_name", s(serviceName)), ("service_code", s(serviceCode)), ("description", s(description)),
            ("agency_responsible", s(agencyResponsible)), ("requested_datetime", s(requested.iso8601)),
            ("updated_datetime", s(updated.iso8601)), ("expected_datetime", s(expected.iso8601)), ("address", s(address)),
        ]
        return "{" + pairs.map { JSON.quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }
}
