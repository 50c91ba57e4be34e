import ArgumentParser

/// `--take-over`, shared by the commands that use an interface (`auth start`, `startAuthentication`, `watch`,
/// `profile probe`).
struct TakeOverOption: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Use the interface even if NetworkManager manages it (it is set unmanaged through NetworkManager's API first, "
            + "as `nmcli device set IF managed no` does) or wpa_supplicant holds networks eapolctl did not add."))
    var takeOver = false
}
