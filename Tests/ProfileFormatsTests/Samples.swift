import Foundation

/// Realistic sample documents, built from the test PKI at run time.
enum Samples {
    /// An eduroam-style eap-config: EAP-pwd (unsupported) first, then PEAP, then TTLS/PAP; two CAs, two server
    /// names, two SSIDs (one GCMP), a Passpoint entry, wired applicability and provider info.
    static func eapConfigMulti(_ pki: TestPKI = .shared, password: Bool = false) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <EAPIdentityProviderList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="eap-metadata.xsd">
          <EAPIdentityProvider ID="example.org" namespace="urn:RFC4282:realm" lang="en" version="1">
            <ValidUntil>2099-01-01T00:00:00Z</ValidUntil>
            <AuthenticationMethods>
              <AuthenticationMethod>
                <EAPMethod><Type>52</Type></EAPMethod>
                <ServerSideCredential><ServerID>radius.example.org</ServerID></ServerSideCredential>
              </AuthenticationMethod>
              <AuthenticationMethod>
                <EAPMethod><Type>25</Type></EAPMethod>
                <ServerSideCredential>
                  <CA format="X.509" encoding="base64">\(pki.ca1DER.base64)</CA>
                  <CA format="X.509" encoding="base64">
                    \(pki.ca2DER.base64)
                  </CA>
                  <ServerID>radius.example.org</ServerID>
                  <ServerID>radius2.example.org</ServerID>
                </ServerSideCredential>
                <ClientSideCredential>
                  <OuterIdentity>anonymous@example.org</OuterIdentity>
                  <InnerIdentitySuffix>example.org</InnerIdentitySuffix>
                  <InnerIdentityHint>true</InnerIdentityHint>\(password ? "\n          <UserName>bob@example.org</UserName>\n          <Password>s3cret &amp; more</Password>" : "")
                </ClientSideCredential>
                <InnerAuthenticationMethod><EAPMethod><Type>26</Type></EAPMethod></InnerAuthenticationMethod>
              </AuthenticationMethod>
              <AuthenticationMethod>
                <EAPMethod><Type>21</Type></EAPMethod>
                <ServerSideCredential><CA format="X.509" encoding="base64">\(pki.ca1DER.base64)</CA><ServerID>radius.example.org</ServerID></ServerSideCredential>
                <InnerAuthenticationMethod><NonEAPAuthMethod><Type>1</Type></NonEAPAuthMethod></InnerAuthenticationMethod>
              </AuthenticationMethod>
            </AuthenticationMethods>
            <CredentialApplicability>
              <IEEE80211><SSID>eduroam</SSID><MinRSNProto>CCMP</MinRSNProto></IEEE80211>
              <IEEE80211><SSID>example-secure</SSID><MinRSNProto>GCMP</MinRSNProto></IEEE80211>
              <IEEE80211><ConsortiumOID>001bc50460</ConsortiumOID></IEEE80211>
              <IEEE8023><NetworkID>wired-campus</NetworkID></IEEE8023>
            </CredentialApplicability>
            <ProviderInfo>
              <DisplayName lang="en">Example University</DisplayName>
              <Description lang="en">Wi-Fi for staff and students</Description>
              <ProviderLocation><Longitude>4.9</Longitude><Latitude>52.3</Latitude></ProviderLocation>
              <TermsOfUse lang="en">Be nice.</TermsOfUse>
              <Helpdesk>
                <EmailAddress lang="en">helpdesk@example.org</EmailAddress>
                <WebAddress lang="en">https://help.example.org</WebAddress>
                <Phone lang="en">+31 20 555 0100</Phone>
              </Helpdesk>
            </ProviderInfo>
          </EAPIdentityProvider>
        </EAPIdentityProviderList>
        """
    }

    /// An eap-config for EAP-TLS with an embedded PKCS#12 client certificate.
    static func eapConfigTLS(_ pki: TestPKI = .shared, bundle: [UInt8]? = nil, passphrase: String?) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <EAPIdentityProviderList>
          <EAPIdentityProvider ID="tls.example.org" namespace="urn:RFC4282:realm" lang="en" version="1">
            <AuthenticationMethods>
              <AuthenticationMethod>
                <EAPMethod><Type>13</Type></EAPMethod>
                <ServerSideCredential>
                  <CA format="X.509" encoding="base64">\(pki.ca1DER.base64)</CA>
                  <ServerID>radius.example.org</ServerID>
                </ServerSideCredential>
                <ClientSideCredential>
                  <OuterIdentity>anonymous@example.org</OuterIdentity>
                  <ClientCertificate format="PKCS12" encoding="base64">\((bundle ?? pki.p12SHA256).base64)</ClientCertificate>\(passphrase.map { "\n          <Passphrase>\($0)</Passphrase>" } ?? "")
                </ClientSideCredential>
              </AuthenticationMethod>
            </AuthenticationMethods>
            <CredentialApplicability>
              <IEEE80211><SSID>tls-net</SSID></IEEE80211>
            </CredentialApplicability>
            <ProviderInfo><DisplayName>TLS Org</DisplayName><Helpdesk><EmailAddress>it@example.org</EmailAddress></Helpdesk></ProviderInfo>
          </EAPIdentityProvider>
        </EAPIdentityProviderList>
        """
    }

    /// A configuration profile with a PEAP Wi-Fi payload (two anchors, one DER root and one PEM), an EAP-TLS
    /// Wi-Fi payload with a PKCS#12 identity, a wired payload, and an unrelated payload.
    static func mobileconfig(_ pki: TestPKI = .shared) throws -> [UInt8] {
        let plist: [String: Any] = [
            "PayloadType": "Configuration",
            "PayloadVersion": 1,
            "PayloadIdentifier": "org.example.wifi",
            "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-000000000001",
            "PayloadDisplayName": "Example Corp",
            "PayloadContent": [
                [
                    "PayloadType": "com.apple.security.root",
                    "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000A1",
                    "PayloadIdentifier": "org.example.ca1",
                    "PayloadContent": Data(pki.ca1DER),
                ],
                [
                    "PayloadType": "com.apple.security.pem",
                    "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000A2",
                    "PayloadIdentifier": "org.example.ca2",
                    "PayloadContent": Data(pemOf(pki.ca2DER).utf8),
                ],
                [
                    "PayloadType": "com.apple.security.pkcs12",
                    "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000B1",
                    "PayloadIdentifier": "org.example.identity",
                    "PayloadContent": Data(pki.p12SHA256),
                    "Password": pki.p12Passphrase,
                ],
                [
                    "PayloadType": "com.apple.wifi.managed",
                    "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000C1",
                    "PayloadIdentifier": "org.example.wifi.peap",
                    "PayloadDisplayName": "Corp PEAP",
                    "SSID_STR": "corp",
                    "HIDDEN_NETWORK": true,
                    "EncryptionType": "WPA2",
                    "EAPClientConfiguration": [
                        "AcceptEAPTypes": [25, 21],
                        "UserName": "alice",
                        "UserPassword": "alice-pass",
                        "OuterIdentity": "anonymous@example.org",
                        "TLSTrustedServerNames": ["radius.example.org", "*.corp.example.org"],
                        "PayloadCertificateAnchorUUID": ["6A1C6D3B-2A2F-4E43-9D51-0000000000A1", "6A1C6D3B-2A2F-4E43-9D51-0000000000A2"],
                        "TLSMinimumVersion": "1.2",
                        "TLSMaximumVersion": "1.3",
                    ] as [String: Any],
                ],
                [
                    "PayloadType": "com.apple.wifi.managed",
                    "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000C2",
                    "PayloadIdentifier": "org.example.wifi.tls",
                    "SSID_STR": "corp-tls",
                    "EncryptionType": "WPA3",
                    "PayloadCertificateUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000B1",
                    "EAPClientConfiguration": [
                        "AcceptEAPTypes": [13],
                        "UserName": "alice@example.org",
                        "TLSTrustedServerNames": ["radius.example.org"],
                        "PayloadCertificateAnchorUUID": ["6A1C6D3B-2A2F-4E43-9D51-0000000000A1"],
                    ] as [String: Any],
                ],
                [
                    "PayloadType": "com.apple.firstactiveethernet.managed",
                    "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000D1",
                    "PayloadIdentifier": "org.example.wired",
                    "EAPClientConfiguration": [
                        "AcceptEAPTypes": [21],
                        "TTLSInnerAuthentication": "PAP",
                        "UserName": "wired-user",
                        "TLSTrustedServerNames": ["*.example.org"],
                        "PayloadCertificateAnchorUUID": ["6A1C6D3B-2A2F-4E43-9D51-0000000000A2"],
                    ] as [String: Any],
                ],
                [
                    "PayloadType": "com.apple.dnsSettings.managed",
                    "PayloadUUID": "6A1C6D3B-2A2F-4E43-9D51-0000000000E1",
                ],
            ] as [Any],
        ]
        return Array(try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0))
    }

    static func pemOf(_ der: [UInt8]) -> String {
        let b64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN CERTIFICATE-----\n\(b64)\n-----END CERTIFICATE-----\n"
    }
}
