import Foundation
@testable import Orchestration
import Testing

@Test func silentPortGivesUpAfterMaxStart() {
    var s = EAPOLStartSchedule(maxStart: 3, recentFailure: nil)
    #expect(s.first() == .send(count: 1))
    #expect(s.repeatDue(elapsed: .seconds(1)) == [.send(count: 2)])
    #expect(s.repeatDue(elapsed: .seconds(2)) == [.send(count: 3)])
    #expect(s.repeatDue(elapsed: .seconds(3)) == [.giveUp(unanswered: 3)])
}

@Test func withoutMaxStartItRepeatsUntilTheDeadline() {
    var s = EAPOLStartSchedule(maxStart: nil, recentFailure: nil)
    _ = s.first()
    for n in 2...40 { #expect(s.repeatDue(elapsed: .seconds(n - 1)) == [.send(count: n)]) }
}

@Test func afterARecentFailureTheQuietPeriodIsReportedOnceAndStartsGoOn() {
    var s = EAPOLStartSchedule(maxStart: 3, recentFailure: .seconds(2))
    _ = s.first()
    _ = s.repeatDue(elapsed: .seconds(1))
    _ = s.repeatDue(elapsed: .seconds(2))
    #expect(s.repeatDue(elapsed: .seconds(3)) == [.quietPeriod(failureAge: .seconds(5), unanswered: 3), .send(count: 4)])
    #expect(s.repeatDue(elapsed: .seconds(4)) == [.send(count: 5)])
    #expect(s.repeatDue(elapsed: .seconds(5)) == [.send(count: 6)])
}

@Test func aFailureOlderThanTheQuietWindowDoesNotHoldThePort() {
    var s = EAPOLStartSchedule(maxStart: 2, recentFailure: .seconds(61))
    _ = s.first()
    _ = s.repeatDue(elapsed: .seconds(1))
    #expect(s.repeatDue(elapsed: .seconds(2)) == [.giveUp(unanswered: 2)])
}

@Test func maxStartBelowOneMeansOne() {
    var s = EAPOLStartSchedule(maxStart: 0, recentFailure: nil)
    _ = s.first()
    #expect(s.repeatDue(elapsed: .seconds(1)) == [.giveUp(unanswered: 1)])
}

private final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Duration = .seconds(1000)
    var now: Duration { lock.withLock { value } }
    func advance(_ d: Duration) { lock.withLock { value += d } }
}

@Test func portHistoryRecordsAgesAndForgets() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("port-history-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let clock = FakeClock()
    let history = PortHistory(stateDirectory: dir) { clock.now }
    #expect(history.lastFailureAge(interface: "eth0") == nil)
    try history.recordFailure(interface: "eth0")
    clock.advance(.milliseconds(2500))
    let age = try #require(history.lastFailureAge(interface: "eth0"))
    #expect(age >= .milliseconds(2499) && age <= .milliseconds(2501))
    #expect(history.lastFailureAge(interface: "eth1") == nil)
    let mode = try FileManager.default.attributesOfItem(atPath: dir + "/ports")[.posixPermissions] as? Int
    #expect(mode == 0o700)
    history.clear(interface: "eth0")
    #expect(history.lastFailureAge(interface: "eth0") == nil)
}

@Test func portHistoryRefusesNamesThatAreNotInterfaceNames() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("port-history-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let history = PortHistory(stateDirectory: dir)
    for hostile in ["../../etc/passwd", "..", ".hidden", "a/b", "", "sixteen-chars-xx", "eth0\n"] {
        try history.recordFailure(interface: hostile)
        #expect(history.lastFailureAge(interface: hostile) == nil)
    }
    #expect((try? FileManager.default.contentsOfDirectory(atPath: dir + "/ports")) ?? [] == [])
}

@Test func aRecordFromBeforeThisBootIsIgnored() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("port-history-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let clock = FakeClock()
    try PortHistory(stateDirectory: dir) { clock.now }.recordFailure(interface: "eth0")
    // After a reboot CLOCK_BOOTTIME starts again near zero: the stored time is in the "future".
    let rebooted = PortHistory(stateDirectory: dir) { .seconds(5) }
    #expect(rebooted.lastFailureAge(interface: "eth0") == nil)
}
