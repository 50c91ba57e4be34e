/// When eapolctl sends, repeats and gives up on EAPOL-Start on a wired port: IEEE 802.1X's supplicant PAE sends at
/// most `maxStart` (3) EAPOL-Starts before it concludes that nothing on the link speaks 802.1X. eapolctl repeats every
/// second rather than every `startPeriod` (30 s), so a port without 802.1X is known in about `maxStart` seconds.
///
/// One exception: right after an EAP failure on the same port the authenticator holds it in its quiet period
/// (hostapd ~5 s, switches up to 60 s) and ignores EAPOL-Starts. Then silence proves nothing: the schedule reports the
/// quiet period once and keeps sending until the deadline.
struct EAPOLStartSchedule: Sendable, Equatable {
    /// 802.1X's quietPeriod default: a failure older than this cannot be holding the port any more.
    static let quietWindow: Duration = .seconds(60)

    /// What to do when a repeat is due.
    enum Action: Sendable, Equatable {
        /// Send EAPOL-Start number `count`.
        case send(count: Int)
        /// Say, once, that the authenticator is likely in its quiet period after the failure `failureAge` ago.
        case quietPeriod(failureAge: Duration, unanswered: Int)
        /// `unanswered` EAPOL-Starts went unanswered: nothing on the link speaks 802.1X (or it ignores us).
        case giveUp(unanswered: Int)
    }

    /// The unanswered EAPOL-Starts after which the port counts as without 802.1X; nil repeats until the deadline.
    let maxStart: Int?
    /// How long ago the last EAP failure on this port was, when eapolctl knows (this run, or the port history).
    let recentFailure: Duration?
    /// EAPOL-Starts sent so far.
    private(set) var sent = 0
    private var quietReported = false

    init(maxStart: Int?, recentFailure: Duration?) {
        self.maxStart = maxStart.map { max(1, $0) }
        self.recentFailure = recentFailure.flatMap { $0 < Self.quietWindow ? $0 : nil }
    }

    /// The first EAPOL-Start, when the port is associated.
    mutating func first() -> Action {
        sent = 1
        return .send(count: 1)
    }

    /// A repeat is due and EAP has still not started; `elapsed` is the time since the first EAPOL-Start.
    mutating func repeatDue(elapsed: Duration) -> [Action] {
        guard let maxStart, sent >= maxStart else {
            sent += 1
            return [.send(count: sent)]
        }
        guard let failure = recentFailure else { return [.giveUp(unanswered: sent)] }
        sent += 1
        if quietReported { return [.send(count: sent)] }
        quietReported = true
        return [.quietPeriod(failureAge: failure + elapsed, unanswered: sent - 1), .send(count: sent)]
    }
}
