public import ProfileModel
public import ProfileStore

extension SystemProfileSetup {
    /// Loads the profile a system entry names; `profile.profile-not-found` with a hint naming the command that sets
    /// another when it no longer exists (`removeProfile` does not clear the system configuration).
    public func loadProfile(of entry: SystemProfileEntry, from profiles: ProfileRepository) throws -> Profile {
        do {
            return try profiles.load(entry.profileID)
        } catch let error as ProfileError where error.code == .profileNotFound {
            let fix = entry.interface.map { "eapolctl setSystemProfile --interface \($0) --profileID ID" }
                ?? "eapolctl setSystemEthernetProfile --profileID ID"
            throw ProfileError(.profileNotFound,
                               "the system profile \(entry.profileID) of \(entry.interface ?? "wired interfaces") no longer exists",
                               hint: "Set another with `\(fix)` (`eapolctl profile list` shows the IDs).",
                               details: ["profileID": .string(entry.profileID.description)])
        }
    }

    /// `watch --system`: the profiles to try on `interface`, in order — its own system profile; else its
    /// login-window list; else (a wired interface) the system Ethernet profile. `profile.no-system-profile` when none
    /// is set; `profile.profile-not-found`, naming the command that repairs the configuration, when one it names is gone.
    public func watchProfiles(interface: String, isWired: Bool, from profiles: ProfileRepository) throws -> [Profile] {
        try SystemProfiles.checkInterface(interface)
        let choice = try requireWatchChoice(interface: interface, isWired: isWired)
        switch choice {
        case .systemProfile(let entry), .ethernet(let entry):
            return [try loadProfile(of: entry, from: profiles)]
        case .loginWindow:
            return try choice.profileIDs.map { id in
                do {
                    return try profiles.load(id)
                } catch let error as ProfileError where error.code == .profileNotFound {
                    throw ProfileError(.profileNotFound, "the login-window profile \(id) of \(interface) no longer exists",
                                       hint: "Set the list again with `\(choice.repairCommand(interface: interface))` (`eapolctl profile list` shows the IDs).",
                                       details: ["profileID": .string(id.description), "interface": .string(interface)])
                }
            }
        }
    }
}
