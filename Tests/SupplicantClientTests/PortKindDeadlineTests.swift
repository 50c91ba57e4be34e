import StructuredErrors
import Testing
@testable import SupplicantClient

private func config(wired: Bool) -> AuthenticationTracker.Configuration {
    .init(isWired: wired, outerMethod: .peap, anchor: .none, interfaceName: "port0", profileName: "office")
}

/// EAP succeeds, then State never reaches `completed` (the field case: a WPA-EAP network on a wired driver waits in
/// `associated` for a 4-way handshake).
private func eapSucceededThenStuck(_ config: AuthenticationTracker.Configuration, state: SupplicantState) -> EAPError? {
    var t = AuthenticationTracker(configuration: config)
    for (ms, e) in [(0, AuthenticationEvent.stateChanged(state == "associated" ? "associated" : "associating")),
                    (1, .stateChanged(state)), (2, .eapStatus("started", "")),
                    (3, .eapStatus("accept proposed method", "PEAP")),
                    (4, .eapStatus("remote certificate verification", "success")),
                    (46, .eapStatus("completion", "success")), (20_000, .deadlineReached)] {
        _ = t.handle(e, at: .milliseconds(ms))
    }
    if case .eapFailure(let e)? = t.outcome { return e }
    return nil
}

@Test func wifiEAPSuccessWithoutKeysIsAKeyHandshakeError() throws {
    let error = try #require(eapSucceededThenStuck(config(wired: false), state: "4way_handshake"))
    #expect(error.code == .keyHandshakeIncomplete)
    #expect(error.message.contains("4-way"))
    #expect(error.details["lastState"] == .string("4way_handshake"))
}

@Test func wiredEAPSuccessWithoutCompletionGivesNoWiFiAdvice() throws {
    let error = try #require(eapSucceededThenStuck(config(wired: true), state: "associated"))
    #expect(error.code != .keyHandshakeIncomplete)
    #expect(!error.hint.lowercased().contains("signal"))
    #expect(!error.message.contains("4-way"))
    #expect(error.hint.contains("eapolctl auth state --interface port0"))
}
