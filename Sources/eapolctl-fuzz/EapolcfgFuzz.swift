/// An eapolcfg exportProfile plist.
enum EapolcfgFuzz {
    static func run(_ bytes: [UInt8]) { ImportFuzzSupport.parse(bytes, as: .eapolcfg) }
}
