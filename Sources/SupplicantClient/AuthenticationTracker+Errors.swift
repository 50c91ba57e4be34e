import StructuredErrors

// The errors the tracker decides, built from what it has seen; the rules that choose between them are in
// AuthenticationTracker.swift.
extension AuthenticationTracker {
    func deadlineError() -> EAPError {
        let iface = configuration.interfaceName
        if let field = pendingRequests.first { return credentialsMissing(field: field, storeKey: nil) }
        var details: [String: ErrorDetail] = ["interface": .string(iface), "lastState": .string(state.rawValue)]
        if linkWentDown { details["linkDown"] = .bool(true) }
        if completionSuccess {
            if configuration.isWired {
                return EAPError(.timeout, "EAP succeeded on \(iface) but the port did not open (last state \(state))",
                                hint: "Check the switch port's 802.1X settings and the authenticator's log; "
                                    + "`eapolctl auth state --interface \(iface)` shows the supplicant's state.",
                                details: details)
            }
            return EAPError(.keyHandshakeIncomplete,
                            "EAP succeeded on \(iface) but the 4-way key handshake did not complete (last state \(state))",
                            details: details)
        }
        if !everStarted {
            if configuration.isWired || ["associated", "4way_handshake", "group_handshake"].contains(state) {
                let why = linkWentDown ? " (the link went down)" : ""
                return EAPError(.noAuthenticator, "no 802.1X authenticator answered on \(iface)\(why)", details: details)
            }
            return EAPError(.timeout, "could not associate on \(iface) in time (last state \(state))",
                            hint: "Check that the network is in range and the SSID is right (`iw dev \(iface) scan` lists the "
                                + "networks in range).",
                            details: details)
        }
        if let last = lastStatus { details["lastEAPStatus"] = .string(last.rawValue) }
        if let method = accepted.last { details["method"] = .string(method) }
        return EAPError(.authenticationStalled,
                        "EAP started on \(iface) but did not complete (last step: \(lastStatus ?? .started))",
                        details: details)
    }

    func credentialsMissing(field: String, storeKey: String?) -> EAPError {
        var details: [String: ErrorDetail] = ["field": .string(field), "profile": .string(configuration.profileName)]
        if let storeKey { details["storeKey"] = .string(storeKey) }
        let tried = storeKey.map { " (store item \($0) not found)" } ?? ""
        return EAPError(.credentialsMissing,
                        "wpa_supplicant asked for \(field) for profile \(configuration.profileName)\(tried)",
                        hint: "Store it with `eapolctl password set --profile \(configuration.profileName) --username NAME`.",
                        details: details)
    }

    func untrusted(reason: String) -> EAPError {
        let certs = serverChain
        var details: [String: ErrorDetail] = [
            "reason": .string(reason),
            "chainSubjects": .list(certs.map(\.subject)),
            "configuredCAs": .list(configuration.configuredCASubjects),
        ]
        if let leaf = certs.first(where: { $0.depth == 0 }) ?? certs.first {
            details["serverFingerprint"] = .string(leaf.sha256Hex)
        }
        let what = reason == "Server certificate mismatch"
            ? "the server certificate does not match the pinned fingerprint"
            : "the server certificate is not trusted (\(reason))"
        return EAPError(.serverCertificateUntrusted, "profile \(configuration.profileName): \(what)",
                        hint: "See what the server presents: `eapolctl profile probe --interface \(configuration.interfaceName) "
                            + "--profile \(configuration.profileName)`; after checking the fingerprint with your network "
                            + "administrator, trust its CA with `eapolctl profile edit \(configuration.profileName) --add-ca-cert FILE`.",
                        details: details)
    }

    func nameMismatch(reason: String) -> EAPError {
        let leaf = serverChain.first { $0.depth == 0 }
        let names = leaf?.names ?? []
        return EAPError(.serverNameMismatch,
                        "profile \(configuration.profileName): the server certificate names (\(names.joined(separator: ", "))) "
                            + "match none of \(configuration.serverNames.joined(separator: ", "))",
                        hint: "See what the server presents: `eapolctl profile probe --interface \(configuration.interfaceName) "
                            + "--profile \(configuration.profileName)`; once your network administrator confirms the name, add it "
                            + "with `eapolctl profile edit \(configuration.profileName) --add-server-name NAME`.",
                        details: ["reason": .string(reason), "configuredNames": .list(configuration.serverNames),
                                  "certificateNames": .list(names),
                                  "serverFingerprint": .string(leaf?.sha256Hex ?? "")])
    }

    func methodRefused() -> EAPError {
        let ours = configuration.outerMethod.rawValue
        return EAPError(.methodRefused,
                        "the server proposed \(refused.joined(separator: ", ")) but profile \(configuration.profileName) "
                            + "uses \(ours)",
                        hint: "Set the profile's method to one the server proposes: "
                            + "`eapolctl profile edit \(configuration.profileName) --method METHOD`, or ask the administrator.",
                        details: ["configuredMethod": .string(ours), "serverProposed": .list(refused)])
    }

    func credentialsRejected(stage: String, alert: String?) -> EAPError {
        var details: [String: ErrorDetail] = ["stage": .string(stage), "profile": .string(configuration.profileName)]
        if let alert { details["alert"] = .string(alert) }
        if let method = accepted.last { details["method"] = .string(method) }
        let hint = stage == "client certificate"
            ? "Check the client certificate of profile \(configuration.profileName) and that the server trusts its issuer "
                + "(store another with `eapolctl identity set --profile \(configuration.profileName) --pkcs12 FILE`)."
            : "Check the user name and password (store them again with "
                + "`eapolctl password set --profile \(configuration.profileName) --username NAME`)."
        return EAPError(.credentialsRejected,
                        "the server rejected the \(stage) of profile \(configuration.profileName)",
                        hint: hint, details: details)
    }
}
