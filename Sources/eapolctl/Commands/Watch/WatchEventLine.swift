import Foundation
import Orchestration

/// `{"event":"<name>","time":"…","elapsedMs":…, …fields}`: one JSON line per `watch` event.
struct WatchEventLine: Encodable {
    let event: WatchEvent

    private typealias Key = DynamicCodingKey

    /// Fields that hold numbers (encoded as JSON numbers, not strings).
    private static let numeric: Set<String> = [
        "linkUpToBoundMs", "authenticatedToBoundMs", "triggerToBoundMs", "sinceTriggerMs", "exchangeMs", "retryInMs",
        "prefixLength",
    ]

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(event.name, forKey: Key("event"))
        try c.encode(event.time.formatted(.iso8601.time(includingFractionalSeconds: true).year().month().day()),
                     forKey: Key("time"))
        try c.encode(event.elapsed.milliseconds, forKey: Key("elapsedMs"))
        for (k, v) in event.fields where !["event", "time", "elapsedMs"].contains(k) {
            if Self.numeric.contains(k), let d = Double(v) { try c.encode(d, forKey: Key(k)) } else { try c.encode(v, forKey: Key(k)) }
        }
    }

    /// The terminal line.
    var human: String? {
        let f = event.fields
        let detail: String = switch event.name {
        case "dhcp-bound":
            "\(f["address"] ?? "")/\(f["prefixLength"] ?? "") (\(f["exchange"] ?? ""))"
                + (f["linkUpToBoundMs"].map { ", \($0) ms after link-up" } ?? "")
        case "lease-renewed": "\(f["address"] ?? "") until \(f["leaseEndsAt"] ?? "")"
        case "dhcp-failed", "reauthentication-failed": f["message"] ?? ""
        case "state-change": f["state"] ?? ""
        case "authenticated": (f["reason"] ?? "") + (f["resumed"] == "true" ? " (session resumed)" : "")
        default: f.isEmpty ? "" : f.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        return "\(event.time.formatted(.iso8601.time(includingFractionalSeconds: true)))  \(event.name)  \(detail)"
    }
}
