import Foundation

/// eapolctl's `auth` output contract, parsed: JSON lines `{"event": …, "elapsedMs": …}` then
/// `{"result": {"status": "authenticated", "authMode": …}}` on stdout; on failure `{"error": {"domain": …,
/// "name": …}}` on stderr and the domain's exit status.
struct AuthOutput {
    let events: [[String: Any]]
    let result: [String: Any]?
    let error: [String: Any]?

    init(_ process: ProcessResult) {
        var events = [[String: Any]](), result: [String: Any]?
        for line in process.stdoutLines {
            guard let object = Self.object(line) else { continue }
            if let r = object["result"] as? [String: Any] { result = r } else if object["event"] != nil { events.append(object) }
        }
        self.events = events
        self.result = result
        error = process.stderr.split(separator: "\n").reversed().lazy
            .compactMap { Self.object(String($0))?["error"] as? [String: Any] }.first
    }

    static func object(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    var status: String? { result?["status"] as? String }
    var authMode: String? { result?["authMode"] as? String }
    var errorDomain: String? { error?["domain"] as? String }
    var errorName: String? { error?["name"] as? String }
}

/// Exit statuses of the error domains (Docs/errors.md).
enum ExitStatus {
    static let dbus: Int32 = 68
    static let supplicant: Int32 = 69
    static let eap: Int32 = 70
}
