/// An eapolctl JSON profile.
enum JSONProfileFuzz {
    static func run(_ bytes: [UInt8]) { ImportFuzzSupport.parse(bytes, as: .json) }
}
