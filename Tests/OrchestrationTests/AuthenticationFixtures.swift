import SupplicantClient

// The supplicant's signals for a PEAP authentication that succeeds, shared by the use-case tests.

/// Associated, EAP started and completed with success, PEAP current, state completed.
let completedPEAP: [AuthenticationEvent] = [
    .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("completion", "success"),
    .currentAuthMode("EAP-PEAP"), .stateChanged("completed"),
]

/// ``completedPEAP`` with the method proposal and the server certificate's verification in between.
let completedPEAPWithCertificate: [AuthenticationEvent] = [
    .stateChanged("associated"), .eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
    .eapStatus("remote certificate verification", "success"), .eapStatus("completion", "success"),
    .currentAuthMode("EAP-PEAP"), .stateChanged("completed"),
]
