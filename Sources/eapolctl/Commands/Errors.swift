import ArgumentParser
import StructuredErrors

extension Eapolctl {
    /// `eapolctl errors`: lists every error domain and code.
    struct Errors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "errors",
            abstract: "List every error domain, code, exit status and hint.",
            discussion: """
                Examples:
                  eapolctl errors
                  eapolctl errors --domain eap --json
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only this domain (\(ErrorDomain.allCases.map(\.rawValue).joined(separator: ", "))).")
        var domain: String?

        @Flag(help: "Print the Markdown table used in Docs/errors.md.")
        var markdown = false

        func validate() throws {
            if let domain, ErrorDomain(rawValue: domain) == nil {
                throw ValidationError("unknown domain '\(domain)'")
            }
        }

        func run() async throws {
            if markdown {
                print(ErrorCatalog.markdown())
                return
            }
            let selected = ErrorCatalog.all.filter { domain == nil || $0.domain.rawValue == domain }
            struct Entry: Encodable {
                let domain: String, exitStatus: Int32, code: Int, name: String, summary: String, hint: String
            }
            let entries = selected.map {
                Entry(domain: $0.domain.rawValue, exitStatus: $0.domain.exitStatus, code: $0.number, name: $0.name,
                      summary: $0.summary, hint: $0.hint)
            }
            global.output.result(["errors": entries]) {
                var lines: [String] = []
                var current: ErrorDomain?
                for info in selected {
                    if info.domain != current {
                        current = info.domain
                        if !lines.isEmpty { lines.append("") }
                        lines.append("\(info.domain.rawValue) (exit status \(info.domain.exitStatus))")
                    }
                    lines.append("  \(info.number)  \(info.name): \(info.summary)")
                    lines.append("        hint: \(info.hint)")
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
