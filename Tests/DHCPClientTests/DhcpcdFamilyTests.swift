import Foundation
import Testing
@testable import DHCPClient

// A dhcpcd started for one family (`dhcpcd -4 … IF`) serves IF-4.sock; a bare `dhcpcd -n IF` goes to IF.sock, reports
// success and rebinds nothing (seen against dnsmasq: no REBIND within 20 s; `dhcpcd -4 -n IF` rebinds at once).

@Test func familyOfARunningDhcpcdIsNamedInCommandsToIt() {
    #expect(ExternalDHCPClient.dhcpcdFamily(["dhcpcd", "-1", "-4", "-t", "10", "eth0"]) == ["-4"])
    #expect(ExternalDHCPClient.dhcpcdFamily(["/usr/sbin/dhcpcd", "--ipv4only", "eth0"]) == ["-4"])
    #expect(ExternalDHCPClient.dhcpcdFamily(["dhcpcd", "-6", "eth0"]) == ["-6"])
    #expect(ExternalDHCPClient.dhcpcdFamily(["dhcpcd", "eth0"]) == [])
    #expect(ExternalDHCPClient.dhcpcdFamily(["-4"]) == [])   // argv[0] is the program, not an option
    #expect(ExternalDHCPClient.dhcpcdFamily([]) == [])
}

@Test func rebindOfAnIPv4OnlyDhcpcdSaysMinus4() {
    let client = ExternalDHCPClient(backend: .dhcpcd, configuration: .init(stateDirectory: URL(fileURLWithPath: "/nonexistent")))
    let plan = client.plan(interface: "eth0", timeout: .seconds(5), runningPID: 42,
                           runningArgv: ["dhcpcd", "-1", "-4", "-t", "10", "eth0"])
    #expect(plan.arguments == ["-4", "-n", "eth0"])
    #expect(plan.signal == nil)
    let both = client.plan(interface: "eth0", timeout: .seconds(5), runningPID: 42, runningArgv: ["dhcpcd", "eth0"])
    #expect(both.arguments == ["-n", "eth0"])
}
