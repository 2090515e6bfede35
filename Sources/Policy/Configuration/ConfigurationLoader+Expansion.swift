import ChaperoneModel

extension ConfigurationLoader {
    static let expansionKeys = [
        "postfix_config_directory", "list_file", "max_depth", "max_addresses",
        "cache_seconds", "cache_entries", "lookup_timeout_seconds", "max_list_bytes",
    ]

    static func readExpansion(_ field: YAMLField, into expansion: inout Configuration.Expansion, base: String?) throws(ConfigurationError) {
        try field.mapping(known: expansionKeys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "postfix_config_directory": expansion.postfixConfigDirectory = try value.optionalString()
            case "list_file": expansion.listFile = try value.optionalString().map { resolve($0, base: base) }
            case "max_depth": expansion.maxDepth = try value.int(in: 1...1000)
            case "max_addresses": expansion.maxAddresses = try value.int(in: 1...1_000_000)
            case "cache_seconds": expansion.cacheSeconds = try value.double(in: 0...86_400)
            case "cache_entries": expansion.cacheEntries = try value.int(in: 0...10_000_000)
            case "max_list_bytes": expansion.maxListBytes = try value.int(in: 1024...1_000_000_000)
            default: expansion.lookupTimeoutSeconds = try value.double(in: 0.1...120)
            }
        }
    }
}
