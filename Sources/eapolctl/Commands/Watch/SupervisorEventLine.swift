import Foundation
import Orchestration

/// One JSON line per `watch-wired` event: the supervisor's own (`supervisor-started`, `watch-starting`,
/// `port-skipped`, `watch-failed`, `port-removed`, `supervisor-stopping`), and every port's watch events as `watch`
/// prints them plus `interface`.
struct SupervisorEventLine: Encodable {
    let event: SupervisorEvent
    let time = Date()

    private typealias Key = DynamicCodingKey

    /// Fields written as JSON numbers, as `watch` writes them.
    private static let numeric: Set<String> = [
        "linkUpToBoundMs", "authenticatedToBoundMs", "triggerToBoundMs", "sinceTriggerMs", "exchangeMs", "retryInMs",
        "prefixLength",
    ]

    var name: String {
        switch event {
        case .started: "supervisor-started"
        case .watchStarting: "watch-starting"
        case .skipped: "port-skipped"
        case .watch(_, let e): e.kind.name
        case .watchFailed: "watch-failed"
        case .removed: "port-removed"
        case .stopping: "supervisor-stopping"
        }
    }

    var fields: [String: String] {
        switch event {
        case .started(let pid): ["pid": String(pid)]
        case .watchStarting(let interface), .removed(let interface): ["interface": interface]
        case .skipped(let interface, let reason): ["interface": interface, "reason": reason.rawValue]
        case .watch(let interface, let e): e.kind.fields.merging(["interface": interface]) { own, _ in own }
        case .watchFailed(let interface, let error, let retryIn):
            ["interface": interface, "message": error.message, "retryInMs": DHCPBoundFields.milliseconds(retryIn)]
                .merging(error.code.map { ["domain": $0.domain.rawValue, "code": $0.name] } ?? [:]) { a, _ in a }
        case .stopping: [:]
        }
    }

    func encode(to encoder: any Encoder) throws {
        // One container per line (a second container on the same encoder would replace the first).
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(name, forKey: Key("event"))
        let at = if case .watch(_, let e) = event { e.time } else { time }
        try c.encode(at.formatted(.iso8601.time(includingFractionalSeconds: true).year().month().day()), forKey: Key("time"))
        if case .watch(_, let e) = event { try c.encode(e.elapsed.milliseconds, forKey: Key("elapsedMs")) }
        for (k, v) in fields where !["event", "time", "elapsedMs"].contains(k) {
            if Self.numeric.contains(k), let d = Double(v) { try c.encode(d, forKey: Key(k)) } else { try c.encode(v, forKey: Key(k)) }
        }
    }

    /// The terminal line.
    var human: String? {
        if case .watch(let interface, let e) = event { return WatchEventLine(event: e).human.map { "[\(interface)] \($0)" } }
        let detail = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return "\(time.formatted(.iso8601.time(includingFractionalSeconds: true)))  \(name)  \(detail)"
    }
}
