import DHCPClient
import Foundation

/// A lease as JSON: the fields of `DHCPResult` plus, after `auth start`, `authenticatedToBoundMs`.
struct DHCPResultView: Encodable {
    let result: DHCPResult
    let authenticatedToBoundMs: Double?

    private enum Extra: String, CodingKey { case authenticatedToBoundMs }

    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var c = encoder.container(keyedBy: Extra.self)
        try c.encodeIfPresent(authenticatedToBoundMs, forKey: .authenticatedToBoundMs)
    }

    /// Lines for people.
    var human: [String] {
        var line = "\(result.address)/\(result.prefixLength) on \(result.interface) via \(result.backend)"
        if let r = result.router { line += ", router \(r)" }
        if let s = result.serverIdentifier { line += ", server \(s)" }
        line += String(format: " (%@, %.1f ms", result.exchange.rawValue, result.elapsed.milliseconds)
        if let a = authenticatedToBoundMs { line += String(format: ", %.1f ms after authentication", a) }
        line += ")"
        var lines = [line]
        if let routes = result.classlessRoutes {
            lines.append("classless static routes (option 121): "
                         + (routes.isEmpty ? "none" : routes.map(Self.text).joined(separator: ", ")))
        }
        for refused in result.refusedRoutes {
            lines.append("refused route \(Self.text(refused)) (\(refused.reason ?? "?"))")
        }
        return lines + [result.notice]
    }

    private static func text(_ route: DHCPResult.Route) -> String {
        route.destination + (route.gateway.map { " via \($0)" } ?? " on-link")
    }
}

/// `{"dhcp": {...}}` of `dhcp renew`.
struct DHCPRenewEnvelope: Encodable {
    let dhcp: DHCPResultView
}
