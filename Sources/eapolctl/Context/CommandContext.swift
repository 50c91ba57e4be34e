import Foundation
import ProfileModel
import ProfileStore
import StateFiles

/// What a command needs from its environment: resolved paths, the profile repository and the output channel.
struct CommandContext {
    let global: GlobalOptions
    let paths: StatePaths
    let profiles: ProfileRepository
    let environment: [String: String]

    init(_ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.global = global
        self.environment = environment
        paths = StatePaths.resolve(stateDirectory: global.stateDir, keyFile: global.keyFile, environment: environment)
        profiles = ProfileRepository(stateDirectory: paths.stateDirectory)
    }

    var output: Output { global.output }
}
