extension SecretBytes {
    /// Whether `candidate` holds the same bytes, compared so that the time taken depends only on the candidate's
    /// length: neither where the bytes first differ nor the stored secret's length shows in it (a check of a guessed
    /// password must not tell how long the real one is). `==` is this comparison.
    ///
    /// Every byte of `candidate` is compared with the stored byte at the same position, repeated cyclically over
    /// the stored bytes when the candidate is longer; a length difference is folded into the result, never
    /// branched on.
    /// - Parameter candidate: the bytes to check, e.g. a password read from standard input.
    /// - Returns: true when both hold exactly the same bytes.
    public func matchesInConstantTime(_ candidate: SecretBytes) -> Bool {
        withUnsafeBytes { stored in
            candidate.withUnsafeBytes { given in
                // Nonzero when the lengths differ: every bit of the XOR is folded into one byte.
                var lengthDiff = UInt64(truncatingIfNeeded: stored.count) ^ UInt64(truncatingIfNeeded: given.count)
                lengthDiff |= lengthDiff >> 32
                lengthDiff |= lengthDiff >> 16
                lengthDiff |= lengthDiff >> 8
                var diff = UInt8(truncatingIfNeeded: lengthDiff)
                // An empty stored secret is compared against zero bytes (the length difference already decides).
                let storedCount = stored.count
                for index in 0..<given.count {
                    let storedByte: UInt8 = storedCount == 0 ? 0 : stored[index % storedCount]
                    diff |= storedByte ^ given[index]
                }
                return diff == 0
            }
        }
    }
}
