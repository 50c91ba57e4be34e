/// A structured value attached to an error: enough for JSON output, nothing secret.
public enum ErrorDetail: Sendable, Hashable, Encodable, CustomStringConvertible, ExpressibleByStringLiteral {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([String])

    public init(stringLiteral value: String) { self = .string(value) }

    public var description: String {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .bool(let b): String(b)
        case .list(let l): l.joined(separator: ", ")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .bool(let b): try c.encode(b)
        case .list(let l): try c.encode(l)
        }
    }
}

/// The static description of one error code: what `eapolctl errors` and `Docs/errors.md` list.
public struct ErrorCodeInfo: Sendable, Hashable, Encodable {
    public let domain: ErrorDomain
    /// Stable numeric code, unique across all domains.
    public let number: Int
    /// Stable kebab-case name, unique within its domain.
    public let name: String
    /// One sentence saying what the code means.
    public let summary: String
    /// What to do about it, used when an error carries no more specific hint.
    public let hint: String

    public init(domain: ErrorDomain, number: Int, name: String, summary: String, hint: String) {
        self.domain = domain
        self.number = number
        self.name = name
        self.summary = summary
        self.hint = hint
    }
}

/// A code type of one domain: a struct wrapping a private enum, so codes can be added without breaking clients.
public protocol StructuredErrorCode: Hashable, Sendable, CustomStringConvertible {
    static var domain: ErrorDomain { get }
    /// Every code of the domain, in number order.
    static var allCodes: [Self] { get }
    var info: ErrorCodeInfo { get }
}

extension StructuredErrorCode {
    public var description: String { "\(info.domain.rawValue).\(info.name)" }
    public var number: Int { info.number }
    public var name: String { info.name }
}

/// The protocol every eapolctl error conforms to: a domain, a stable code, a message naming the object, a hint.
public protocol StructuredError: Error, Sendable, CustomStringConvertible {
    var domain: ErrorDomain { get }
    var codeInfo: ErrorCodeInfo { get }
    /// Names the object concerned (which profile, which file, which field). Never holds a secret.
    var message: String { get }
    /// What the user can do next.
    var hint: String { get }
    /// Structured extras for JSON output.
    var details: [String: ErrorDetail] { get }
}

extension StructuredError {
    public var description: String {
        "\(domain.rawValue) error \(codeInfo.number) (\(codeInfo.name)): \(message)"
    }
}

/// The one error type of a domain, parameterised by that domain's code type.
///
/// Equality compares the code only, so tests can match on it (as swift-certificates' `CertificateError` does).
public struct DomainError<Code: StructuredErrorCode>: StructuredError, Equatable {
    public let code: Code
    public let message: String
    public let hint: String
    public let details: [String: ErrorDetail]
    /// Where the error was raised, for debugging; never shown to end users.
    public let location: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: the stable code.
    ///   - message: a sentence naming the object concerned; must not contain secrets.
    ///   - hint: what to do; defaults to the code's generic hint.
    ///   - details: structured extras for JSON output.
    public init(
        _ code: Code, _ message: String, hint: String? = nil, details: [String: ErrorDetail] = [:],
        file: String = #fileID, line: UInt = #line
    ) {
        self.code = code
        self.message = message
        self.hint = hint ?? code.info.hint
        self.details = details
        self.location = "\(file):\(line)"
    }

    public var domain: ErrorDomain { Code.domain }
    public var codeInfo: ErrorCodeInfo { code.info }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
}

extension StructuredErrorCode {
    /// Builds the info of a code of this domain; code types call it from their `info` switch.
    public static func describe(_ number: Int, _ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        precondition(number >= domain.codeBase && number < domain.codeBase + 100, "code \(number) outside \(domain)")
        return ErrorCodeInfo(domain: domain, number: number, name: name, summary: summary, hint: hint)
    }
}
