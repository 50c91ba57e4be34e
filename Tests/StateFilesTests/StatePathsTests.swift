import Testing
@testable import StateFiles

@Suite struct StatePathsTests {
    @Test func rootDefaultsAreSystemWide() {
        let p = StatePaths.resolve(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "/x"], isRoot: true)
        #expect(p.stateDirectory == "/var/lib/eapolctl")
        #expect(p.keyFile == "/etc/eapolctl/store.key")
        #expect(!p.keyFileIsInsideStateDirectory)
    }

    @Test func userDefaultsFollowXDG() {
        let p = StatePaths.resolve(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "/xs/", "XDG_CONFIG_HOME": "/xc"], isRoot: false)
        #expect(p.stateDirectory == "/xs/eapolctl")
        #expect(p.keyFile == "/xc/eapolctl/store.key")
        let q = StatePaths.resolve(environment: ["HOME": "/home/u"], isRoot: false)
        #expect(q.stateDirectory == "/home/u/.local/state/eapolctl")
        #expect(q.keyFile == "/home/u/.config/eapolctl/store.key")
        #expect(!q.keyFileIsInsideStateDirectory)
        // Relative XDG values are ignored, as the XDG specification says.
        let r = StatePaths.resolve(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "rel"], isRoot: false)
        #expect(r.stateDirectory == "/home/u/.local/state/eapolctl")
    }

    @Test func overridesWinOverEnvironmentWhichWinsOverDefaults() {
        let env = ["HOME": "/home/u", "EAPOLCTL_STATE_DIR": "/env/state", "EAPOLCTL_KEY_FILE": "/env/key"]
        let fromEnv = StatePaths.resolve(environment: env, isRoot: true)
        #expect(fromEnv.stateDirectory == "/env/state")
        #expect(fromEnv.keyFile == "/env/key")
        let explicit = StatePaths.resolve(stateDirectory: "/cli/state", keyFile: "/cli/key", environment: env, isRoot: true)
        #expect(explicit.stateDirectory == "/cli/state")
        #expect(explicit.keyFile == "/cli/key")
        #expect(explicit.file("credentials.store") == "/cli/state/credentials.store")
        #expect(explicit.keyDirectory == "/cli")
    }
}
