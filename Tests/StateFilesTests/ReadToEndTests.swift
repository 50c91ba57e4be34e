#if canImport(Glibc)
import Glibc
#endif
import Foundation
import StateFiles
import Testing

@Suite struct ReadToEndTests {
    @Test func readsAPipeToItsEndAcrossBufferGrowth() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let writeEnd = fds[1]
        let writer = Thread {
            payload.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(writeEnd, raw.baseAddress! + offset, raw.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(writeEnd)
        }
        writer.start()
        let read = try PosixIO.readToEnd(fileDescriptor: fds[0], name: "test pipe")
        close(fds[0])
        #expect(read == payload)
    }
}
