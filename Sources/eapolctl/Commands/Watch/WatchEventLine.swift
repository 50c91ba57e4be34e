import Foundation
import Orchestration

/// `{"event":"<name>","time":"…","elapsedMs":…, …fields}`: one JSON line per `watch` event.
struct WatchEventLine: Encodable {
    let event: WatchEvent

    private typealias Key = DynamicCodingKey

    /// Fields that hold numbers (encoded as JSON numbers, not strings).
    private static let numeric: Set<String> = [
        "linkUpToBoundMs", "authenticatedToBoundMs", "triggerToBoundMs", "sinceTriggerMs", "exchangeMs", "retryInMs",
        "prefixLength", "ms",
    ]

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(event.kind.name, forKey: Key("event"))
        try c.encode(event.time.formatted(.iso8601.time(includingFractionalSeconds: true).year().month().day()),
                     forKey: Key("time"))
        try c.encode(event.elapsed.milliseconds, forKey: Key("elapsedMs"))
        for (k, v) in event.kind.fields where !["event", "time", "elapsedMs"].contains(k) {
            if Self.numeric.contains(k), let d = Double(v) { try c.encode(d, forKey: Key(k)) } else { try c.encode(v, forKey: Key(k)) }
        }
    }

    /// The terminal line.
    var human: String? {
        let detail: String = switch event.kind {
        case .dhcpBound(let bound):
            "\(bound.result.address)/\(bound.result.prefixLength) (\(bound.result.exchange.rawValue))"
                + (bound.trigger == .linkUp ? bound.sinceTrigger.map { ", \(DHCPBoundFields.milliseconds($0)) ms after link-up" } ?? "" : "")
        case .leaseRenewed(let result): "\(result.address) until \(result.leaseEndsAt.formatted(.iso8601))"
        case .dhcpFailed(let error, _), .reauthenticationFailed(let error, _): error.message
        case .stateChange(let state): state.rawValue
        case .roamed(let roam): "\(roam.from) → \(roam.to) (\(roam.kind.rawValue), \(DHCPBoundFields.milliseconds(roam.duration)) ms)"
        case .authenticated(let reason, _, let resumed, _, _): reason.rawValue + (resumed == true ? " (session resumed)" : "")
        default: Self.keyValues(event.kind.fields)
        }
        return "\(event.time.formatted(.iso8601.time(includingFractionalSeconds: true)))  \(event.kind.name)  \(detail)"
    }

    /// `key=value …`, sorted by key: the line of events without a text of their own.
    private static func keyValues(_ f: [String: String]) -> String {
        f.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}
