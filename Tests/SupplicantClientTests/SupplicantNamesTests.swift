import SupplicantClient
import Testing

/// The one reading of an `id_str`: what `auth state`, `auth stop`, session reuse and `watch` take for "ours".
@Test func idStringsOfOurNetworksAreReadBackAndOthersAreNot() {
    let id = "6A1F2C3D-0000-4000-8000-00000000000A"
    #expect(SupplicantNames.tag(ofIDString: SupplicantNames.idString(profileID: id)) == id)
    #expect(SupplicantNames.tag(ofIDString: "eapolctl:probe") == "probe")
    #expect(SupplicantNames.isOurs(idString: "eapolctl:probe"))
    for other in [nil, "", "corp", "eapolctl", "xeapolctl:\(id)", "EAPOLCTL:\(id)"] as [String?] {
        #expect(SupplicantNames.tag(ofIDString: other) == nil, "\(String(describing: other))")
        #expect(!SupplicantNames.isOurs(idString: other))
    }
}
