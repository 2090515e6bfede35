extension CTFReadState {
    /// Stores the text of an element, named by its path below `Pupil`.
    mutating func assign(_ relative: String, _ value: String) {
        guard current != nil else { return }
        if relative.hasPrefix("Contacts/Contact") {
            assignContact(String(relative.dropFirst("Contacts/Contact".count)), value)
            return
        }
        guard !value.isEmpty else { return }
        switch relative {
        case "UPN": current?.upn = value
        case "UniqueLearnerNumber": current?.uln = value
        case "Surname": current?.surname = value
        case "Forename": current?.forename = value
        case "MiddleNames", "BasicDetails/MiddleNames": current?.middleNames = value
        case "DOB": current?.dateOfBirth = value
        case "Email": current?.schoolEmail = value
        case "BasicDetails/PreferredForename": current?.preferredForename = value
        case "BasicDetails/NCyearActual": current?.yearGroup = value
        case "Address/PostCode": current?.postcode = value
        case "SENhistory/SEN/SENprovision": current?.senStatus = value
        case "FSMhistory/FSMinstance/FSMstartDate": current?.freeSchoolMeals = "true"
        default:
            if relative.hasPrefix("Address/AddressLines/AddressLine") {
                current?.addressLines.append(value)
            } else if relative.hasPrefix("Address/BS7666Address/") {
                bs7666[String(relative.dropFirst("Address/BS7666Address/".count))] = value
            }
        }
    }

    /// Court-order and contact-restriction elements under `Contact` (CTF has no
    /// standard one; MIS suppliers add `CourtOrder`, `ContactRestriction`, `NoContact`),
    /// at any depth, so that the details inside an order element count too.
    static func isRestrictionElement(_ field: String) -> Bool {
        field.split(separator: "/").contains { component in
            let name = component.lowercased()
            return name.contains("courtorder") || name.contains("restriction") || name == "nocontact"
                || name == "restrictedcontact" || name == "donotcontact"
        }
    }

    private mutating func assignContact(_ field: String, _ value: String) {
        if field.isEmpty {
            if let finished = contact, !finished.isEmpty { current?.contacts.append(finished) }
            contact = nil
            return
        }
        guard !value.isEmpty, var updated = contact else { return }
        switch field {
        case "/Forename": updated.name = updated.name.isEmpty ? value : value + " " + updated.name
        case "/Surname": updated.name = updated.name.isEmpty ? value : updated.name + " " + value
        case "/Relationship": updated.relationship = value
        case "/Email": updated.emails.append(value)
        case "/Phones/Phone/PhoneNo": updated.phones.append(value)
        case "/Responsibility", "/ParentalResponsibility": updated.parentalResponsibility = value
        default:
            if Self.isRestrictionElement(field) { updated.restrictions.append(value) }
        }
        contact = updated
    }
}
