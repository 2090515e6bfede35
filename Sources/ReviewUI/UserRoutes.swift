import Foundation
import Hummingbird
import Store

/// The users page (admins): list accounts with their schools, add one (limited to some
/// schools when ticked), set a password, disable or enable.
/// The same store calls as `chaperone user`; every change is in the audit trail.
enum UserRoutes {
    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/users", .signedIn(.manageUsers)) { _, context, app in
                try await page(context: context, app: app, message: nil)
            },
            WebRoute(.post, "/users", .signedIn(.manageUsers)) { _, context, app in
                try await add(context: context, app: app)
            },
            WebRoute(.post, "/users/:name/password", .signedIn(.manageUsers)) { _, context, app in
                try await setPassword(context: context, app: app)
            },
            WebRoute(.post, "/users/:name/disable", .signedIn(.manageUsers)) { _, context, app in
                try await setDisabled(true, context: context, app: app)
            },
            WebRoute(.post, "/users/:name/enable", .signedIn(.manageUsers)) { _, context, app in
                try await setDisabled(false, context: context, app: app)
            },
        ]
    }

    static func page(context: WebContext, app: ReviewWebApp, message: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = app.now()
        let users = try await app.database.webUsers().map { user -> [String: Any] in
            let locked = (user.lockedUntil ?? .distantPast) > now
            return [
                "name": user.name, "role": user.role.rawValue, "disabled": user.disabled, "locked": locked,
                "lastLogin": user.lastLoginAt.map(ViewFormatting.time) ?? "never",
                "created": ViewFormatting.time(user.createdAt), "schools": user.schoolsDescription,
            ]
        }
        let values: [String: Any] = [
            "users": users, "roles": WebUser.Role.allCases.map { ["name": $0.rawValue] },
            "message": message ?? "", "hasMessage": message != nil, "minimumLength": PasswordHasher.minimumLength,
            "schoolChoices": app.configuration.schools.map { ["id": $0.id, "name": $0.configuration.school.name] },
            "hasSchools": !app.configuration.schools.isEmpty,
        ]
        return app.renderer.page("users", title: "Users", values: values, session: context.session, status: status)
    }

    static func add(context: WebContext, app: ReviewWebApp) async throws -> Response {
        guard let session = context.session else { return app.problem(.forbidden, "Sign in first.", session: nil) }
        let form = context.form
        guard let name = form.text("name"), WebUser.isValidName(name) else {
            return try await page(context: context, app: app, message: "A name is 1 to 64 letters, digits or . - _ @.", status: .badRequest)
        }
        guard let role = form["role"].flatMap(WebUser.Role.init(rawValue:)) else {
            return try await page(context: context, app: app, message: "Choose reviewer, auditor or admin.", status: .badRequest)
        }
        let password = form["password"] ?? ""
        if let problem = PasswordHasher.problem(with: password) {
            return try await page(context: context, app: app, message: "Not added: \(problem).", status: .badRequest)
        }
        let known = Set(app.configuration.schools.map(\.id))
        let schools = form.all("school")
        if let unknown = schools.first(where: { !known.contains($0) }) {
            return try await page(context: context, app: app, message: "Not added: \(unknown) is not a school of this configuration.", status: .badRequest)
        }
        let user = WebUser(
            name: name, role: role, passwordHash: try await app.hasher.hash(password), createdAt: app.now(), schools: schools)
        do {
            try await app.database.addWebUser(user, actor: DecisionActions.actor(session))
        } catch let error as StoreError {
            return try await page(context: context, app: app, message: error.description, status: .conflict)
        }
        return try await page(context: context, app: app, message: "Added \(name) as \(role.rawValue).")
    }

    static func setPassword(context: WebContext, app: ReviewWebApp) async throws -> Response {
        guard let session = context.session, let name = context.parameters.get("name") else {
            return app.problem(.notFound, "No such account.", session: context.session)
        }
        let password = context.form["password"] ?? ""
        if let problem = PasswordHasher.problem(with: password) {
            return try await page(context: context, app: app, message: "Password not changed: \(problem).", status: .badRequest)
        }
        do {
            try await app.database.setWebUserPassword(
                named: name, passwordHash: try await app.hasher.hash(password), actor: DecisionActions.actor(session), at: app.now())
        } catch let error as StoreError {
            return try await page(context: context, app: app, message: error.description, status: .notFound)
        }
        await app.sessions.endAll(userName: name)
        return try await page(context: context, app: app, message: "Changed the password of \(name); their sessions have ended.")
    }

    static func setDisabled(_ disabled: Bool, context: WebContext, app: ReviewWebApp) async throws -> Response {
        guard let session = context.session, let name = context.parameters.get("name") else {
            return app.problem(.notFound, "No such account.", session: context.session)
        }
        if disabled, name.lowercased() == session.userName.lowercased() {
            return try await page(context: context, app: app, message: "You cannot disable your own account.", status: .badRequest)
        }
        do {
            try await app.database.setWebUserDisabled(named: name, disabled: disabled, actor: DecisionActions.actor(session), at: app.now())
        } catch let error as StoreError {
            return try await page(context: context, app: app, message: error.description, status: .notFound)
        }
        if disabled { await app.sessions.endAll(userName: name) }
        return try await page(context: context, app: app, message: "\(disabled ? "Disabled" : "Enabled") \(name).")
    }
}
