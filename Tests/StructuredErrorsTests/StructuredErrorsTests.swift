import Testing
@testable import StructuredErrors

@Suite struct StructuredErrorsTests {
    @Test func codesAreUniqueAndInsideTheirDomainRange() {
        let infos = UsageErrorCode.allCodes.map(\.info) + SystemErrorCode.allCodes.map(\.info)
        #expect(Set(infos.map(\.number)).count == infos.count)
        for info in infos {
            #expect(info.number >= info.domain.codeBase && info.number < info.domain.codeBase + 100)
            #expect(!info.hint.isEmpty && !info.summary.isEmpty)
        }
    }

    @Test func equalityComparesTheCodeOnly() {
        let a = UsageError(.invalidArgument, "bad --timeout value 'x'")
        let b = UsageError(.invalidArgument, "another message")
        #expect(a == b)
        #expect(a != UsageError(.missingArgument, "bad --timeout value 'x'"))
    }

    @Test func defaultHintComesFromTheCode() {
        let e = SystemError(.notRoot, "creating /etc/eapolctl")
        #expect(e.hint == SystemErrorCode.notRoot.info.hint)
        #expect(e.description == "system error 504 (not-root): creating /etc/eapolctl")
    }

    @Test func exitStatusesAreDistinct() {
        let statuses = ErrorDomain.allCases.map(\.exitStatus)
        #expect(Set(statuses).count == statuses.count)
        #expect(ErrorDomain.usage.exitStatus == 64)
        #expect(!statuses.contains(0))
    }

    @Test func errnoMapsToCodes() {
        #expect(SystemError.fromErrno(2, operation: "open", path: "/x").code == .fileNotFound)
        #expect(SystemError.fromErrno(13, operation: "open", path: "/x").code == .permissionDenied)
    }
}
