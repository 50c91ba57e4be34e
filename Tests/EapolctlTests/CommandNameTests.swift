import ArgumentParser
@testable import eapolctl
import Testing

/// Every command names itself (`commandName`). Without it ArgumentParser derives the name with
/// `String(describing: Self.self)` for every command while it builds the tree, at every start; each such call looks
/// up protocol conformances by scanning the binary's conformance records, which in the static release binary was
/// ≈ 20 % of a short command's CPU time (perf, `password check`), and under emulation (the Wi-Fi VM) a visible part of
/// a repeat `auth start`. The names are the derived ones: `scripts/gen-docs` regenerated the man page and completions
/// unchanged.
@Test func everyCommandNamesItself() {
    var pending: [any ParsableCommand.Type] = [Eapolctl.self]
    var missing: [String] = []
    var count = 0
    while let type = pending.popLast() {
        count += 1
        if type.configuration.commandName == nil { missing.append(String(reflecting: type)) }
        pending += type.configuration.subcommands
    }
    #expect(count > 60, "the walk reached \(count) commands")
    #expect(missing.isEmpty, "commands without commandName: \(missing)")
}
