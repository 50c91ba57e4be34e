import Dispatch
import Foundation
import ProfileFormats

/// A CMS-signed .mobileconfig: the envelope is parsed and its signature checked before the content is read, as
/// `profile import` does. Invalid signatures are allowed through (`--allow-invalid-signature`), so the fuzzer also
/// reaches the unwrapping and the plist inside once it has mangled the signature, which it nearly always does.
enum SignedMobileconfigFuzz {
    /// A trust store that holds nothing: no signer is trusted, and no bundle is read per input.
    static let policy = SignaturePolicy(requireTrusted: false, allowInvalid: true,
                                        trustStore: SignatureTrustStore(bundlePath: "/nonexistent/eapolctl-fuzz-ca.pem"))

    static func run(_ bytes: [UInt8]) {
        let outcome = Blocking.run {
            do {
                return Result<ImportResult, any Error>.success(try await ProfileImporter.parseVerifyingSignature(
                    bytes, source: ImportFuzzSupport.source, format: .mobileconfig, policy: policy, now: ImportFuzzSupport.now))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let result):
            precondition(result.signature != nil, "a mobileconfig import without a signature verdict")
            ImportFuzzSupport.checkAccepted(result)
        case .failure(let error):
            requireStructured(error, "signed mobileconfig import")
        }
    }
}

/// Runs async code to completion from the synchronous fuzz entry point.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    /// Written by the task before it signals, read after the wait: the semaphore orders the two.
    final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
