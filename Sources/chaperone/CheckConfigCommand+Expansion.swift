import ChaperoneModel
import RecipientExpansion

extension CheckConfigCommand {
    /// What `check-config` says about recipient expansion: the list file's lists and the
    /// maps the configured Postfix names (asked of `postconf` now, so a wrong directory
    /// or an unreadable main.cf shows up before the milter tempfails mail).
    static func expansionLines(_ configuration: Configuration, expander: RecipientExpander?) throws(ExpansionError) -> [String] {
        let settings = configuration.expansion
        guard expander != nil else { return ["  expansion: off (no expansion.postfix_config_directory or list_file)"] }
        var lines = ["  expansion: list file \(settings.listFile ?? "none"); max_depth \(settings.maxDepth), max_addresses \(settings.maxAddresses)"]
        if let directory = settings.postfixConfigDirectory {
            let postfix = try PostfixPrograms(configDirectory: directory, timeoutSeconds: settings.lookupTimeoutSeconds).settings()
            lines.append("  postfix \(directory): virtual_alias_maps \(postfix.virtualAliasMaps.isEmpty ? "none" : postfix.virtualAliasMaps.joined(separator: ", ")); "
                + "alias_maps \(postfix.aliasMaps.isEmpty ? "none" : postfix.aliasMaps.joined(separator: ", "))")
        }
        return lines
    }
}
