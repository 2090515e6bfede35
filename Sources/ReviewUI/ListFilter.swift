import ChaperoneModel
import Foundation
import Hummingbird
import Store

/// The filters of the quarantine and log pages, read from the query string: section,
/// sender (an address or `@domain`), recipient class, age in days, action, sender role,
/// page. Unknown values are ignored (and shown as "any"), never an error.
struct ListFilter: Sendable {
    var section: Section?
    var sender: String?
    var recipientClass: RecipientClass?
    var days: Int?
    var action: Action?
    var senderRole: SenderRole?
    var state: QuarantineState?
    /// Only messages whose sender asked for release from their notice's link.
    var releaseRequested = false
    var page: Int = 0

    static let ageChoices = [1, 7, 30, 90]

    init(query: [String: String]) {
        section = query["section"].flatMap(Section.init(rawValue:))
        sender = query["sender"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty || $0.count > 320 ? nil : $0 }
        recipientClass = query["class"].flatMap(RecipientClass.init(rawValue:))
        days = query["days"].flatMap(Int.init).flatMap { Self.ageChoices.contains($0) ? $0 : nil }
        action = query["action"].flatMap(Action.init(rawValue:))
        senderRole = query["role"].flatMap(SenderRole.init(rawValue:))
        state = query["state"].flatMap(QuarantineState.init(rawValue:))
        releaseRequested = query["requested"] == "1"
        page = query["page"].flatMap(Int.init).map { min(max($0, 0), 100_000) } ?? 0
    }

    init(request: Request) {
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        self.init(query: query)
    }

    /// The store filter for one page (one row more than a page, to know if there is a next).
    func decisionFilter(pageSize: Int, now: Date) -> DecisionFilter {
        var filter = DecisionFilter(
            since: days.map { now.addingTimeInterval(-Double($0) * 86_400) }, action: action, section: section, sender: sender,
            state: state, limit: pageSize + 1)
        filter.senderRole = senderRole
        filter.recipientClass = recipientClass
        filter.offset = page * pageSize
        filter.releaseRequestedOnly = releaseRequested
        return filter
    }

    /// The query string for another page with the same filters.
    func query(page: Int) -> String {
        var items: [URLQueryItem] = []
        if let section { items.append(.init(name: "section", value: section.rawValue)) }
        if let sender { items.append(.init(name: "sender", value: sender)) }
        if let recipientClass { items.append(.init(name: "class", value: recipientClass.rawValue)) }
        if let days { items.append(.init(name: "days", value: String(days))) }
        if let action { items.append(.init(name: "action", value: action.rawValue)) }
        if let senderRole { items.append(.init(name: "role", value: senderRole.rawValue)) }
        if let state { items.append(.init(name: "state", value: state.rawValue)) }
        if releaseRequested { items.append(.init(name: "requested", value: "1")) }
        items.append(.init(name: "page", value: String(page)))
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }

    /// The choices of the filter form, each marked when selected.
    func formValues() -> [String: Any] {
        [
            "sectionChoices": Section.allCases.map { ["value": $0.rawValue, "label": "§\($0.rawValue) \($0.title)", "selected": $0 == section] as [String: Any] },
            "classChoices": RecipientClass.allCases.map { ["value": $0.rawValue, "label": $0.rawValue, "selected": $0 == recipientClass] as [String: Any] },
            "ageChoices": Self.ageChoices.map { ["value": $0, "label": $0 == 1 ? "last day" : "last \($0) days", "selected": $0 == days] as [String: Any] },
            "actionChoices": Action.allCases.map { ["value": $0.rawValue, "label": $0.rawValue, "selected": $0 == action] as [String: Any] },
            "roleChoices": SenderRole.allCases.map { ["value": $0.rawValue, "label": $0.rawValue, "selected": $0 == senderRole] as [String: Any] },
            "senderValue": sender ?? "",
            "requestedOnly": releaseRequested,
        ]
    }
}
