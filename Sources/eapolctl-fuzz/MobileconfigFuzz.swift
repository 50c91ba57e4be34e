/// A plain (unsigned) .mobileconfig plist, XML or binary.
enum MobileconfigFuzz {
    static func run(_ bytes: [UInt8]) { ImportFuzzSupport.parse(bytes, as: .mobileconfig) }
}
