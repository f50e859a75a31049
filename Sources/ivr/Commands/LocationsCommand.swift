import Foundation
import SignIn
import Verification

/// `ivr locations add NAME --trusted CIDR... | list | remove NAME` (SPEC §8.5): trusted named
/// locations, IPv4 and IPv6.
enum LocationsCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        let command = args.next()
        try args.allowOnly(command == "add" ? ["trusted"] : [], in: "locations \(command ?? "")")
        let service = try StateDirectory.session(args)
        switch command {
        case "add":
            guard let name = args.next() else { throw CLIError.usage("'locations add' needs a name and --trusted CIDR...") }
            // `--trusted A B C`: the option takes the first range, the words after the name the rest;
            // commas work too.
            var given = [try args.required("trusted", in: "locations add")]
            while let more = args.next() { given.append(more) }
            let ranges = given.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
            let location: NamedLocation
            do {
                location = try service.addLocation(name, ranges: ranges)
            } catch let error as InvalidInput {
                throw CLIError.invalidInput("locations add: \(error.message)")
            }
            if args.json { Output.json(entry(location)) } else { Output.line("Named location '\(location.name)' trusts \(location.ranges.map(\.description).joined(separator: ", ")).") }
        case "list":
            try args.noMoreWords(in: "locations list")
            let locations = try service.locations()
            if args.json {
                locations.forEach { Output.json(entry($0)) }
            } else if locations.isEmpty {
                Output.line("No named location.")
            } else {
                Output.table([["NAME", "TRUSTED RANGES"]] + locations.map { [$0.name, $0.ranges.map(\.description).joined(separator: ", ")] }).forEach(Output.line)
            }
        case "remove":
            guard let name = args.next() else { throw CLIError.usage("'locations remove' needs a name") }
            try args.noMoreWords(in: "locations remove")
            guard try service.removeLocation(name) else { throw CLIError.invalidInput("no named location '\(name.prefix(64))'") }
            if args.json { Output.json(["name": name, "removed": "true"]) } else { Output.line("Removed named location '\(name)'.") }
        case let other?: throw CLIError.usage("unknown 'locations' command '\(other)'; expected add, list or remove")
        case nil: throw CLIError.usage("'locations' needs a command: add, list or remove")
        }
        return 0
    }

    private struct Entry: Encodable {
        var name: String
        var trusted: [String]
    }

    private static func entry(_ location: NamedLocation) -> Entry {
        Entry(name: location.name, trusted: location.ranges.map(\.description))
    }
}
