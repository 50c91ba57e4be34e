#compdef eapolctl

__eapolctl_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__eapolctl_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __eapolctl_complete "${completions[@]:0:-1}"
    fi
}

__eapolctl_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_eapolctl() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'profile:Create, list, show, edit, remove, import, export and probe 802.1X profiles.'
            'password:Manage password items in the encrypted store (by profile, by SSID, or the default).'
            'identity:Manage EAP-TLS client identities (PKCS#12, or PEM certificate + key) in the encrypted store.'
            'store:Create, inspect and re-key the encrypted credential store.'
            'auth:Authenticate through wpa_supplicant, stop, roam, and show the state of an interface.'
            'dhcp:Obtain or refresh an IPv4 lease with the builtin client or the one managing the interface.'
            'watch:Stay running: re-authenticate after link flaps and renew DHCP after every re-authentication.'
            'watch-wired:Run watch --system on every wired port without its own system profile, including ports plugged in later.'
            'onboard:Onboard from a provider'\''s file: import its profiles, store the credentials, optionally connect.'
            'errors:List every error domain, code, exit status and hint.'
            'listProfiles:List profiles (eapolcfg form of `profile list`).'
            'showProfile:Show a profile (eapolcfg form of `profile show`).'
            'exportProfile:Export a profile to stdout (eapolcfg form of `profile export`; an eapolcfg plist with --format eapolcfg).'
            'importProfile:Import a profile file: an eapolcfg exportProfile plist, or any format `profile import` reads.'
            'removeProfile:Remove a profile and its password and identity items (eapolcfg form of `profile remove`).'
            'createProfile:Create a profile (eapolcfg form of `profile create`); prints the new profile ID.'
            'setProfileInformation:Keep an application'\''s own data (a plist dictionary) in a profile.'
            'getProfileInformation:Print an application'\''s data kept in a profile, as an XML plist.'
            'clearProfileInformation:Remove an application'\''s data from a profile.'
            'setPasswordItem:Store a user name and password (eapolcfg form of `password set`).'
            'getPasswordItem:Show a password item, masked (eapolcfg form of `password get`).'
            'removePasswordItem:Remove a password item (eapolcfg form of `password remove`).'
            'setIdentity:Store an EAP-TLS identity (eapolcfg form of `identity set`).'
            'getIdentity:Show a stored identity (eapolcfg form of `identity get`).'
            'clearIdentity:Remove a stored identity (eapolcfg form of `identity clear`).'
            'startAuthentication:Authenticate a profile (eapolcfg form of `auth start`; waits for the outcome unless --no-wait).'
            'stopAuthentication:Stop authentication on an interface (eapolcfg form of `auth stop`).'
            'getState:Show the authentication state of an interface (eapolcfg form of `auth state`).'
            'setSystemProfile:Authenticate an interface with a profile at boot and after every link change (enables eapolctl-watch@IF.service).'
            'getSystemProfile:Show the system profile of an interface (set with setSystemProfile).'
            'clearSystemProfile:Remove the system profile of an interface (disables eapolctl-watch@IF.service).'
            'getSystemInterfaces:List the interfaces that have a system profile (--details: the profile and the watch unit'\''s state).'
            'setSystemEthernetProfile:Set the profile of every wired interface that has no system profile of its own.'
            'getSystemEthernetProfile:Show the system Ethernet profile.'
            'clearSystemEthernetProfile:Remove the system Ethernet profile.'
            'setLoginWindowProfiles:Set the profiles an interface tries in order at boot until one authenticates (enables eapolctl-watch@IF.service).'
            'getLoginWindowProfiles:Show the login-window profiles of an interface, in the order they are tried.'
            'clearLoginWindowProfiles:Remove the login-window profiles of an interface (disables eapolctl-watch@IF.service unless a system profile needs it).'
            'getLoginWindowInterfaces:List the interfaces that have login-window profiles (--details: the profiles and the watch unit'\''s state).'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        profile|password|identity|store|auth|dhcp|watch|watch-wired|onboard|errors|listProfiles|showProfile|exportProfile|importProfile|removeProfile|createProfile|setProfileInformation|getProfileInformation|clearProfileInformation|setPasswordItem|getPasswordItem|removePasswordItem|setIdentity|getIdentity|clearIdentity|startAuthentication|stopAuthentication|getState|setSystemProfile|getSystemProfile|clearSystemProfile|getSystemInterfaces|setSystemEthernetProfile|getSystemEthernetProfile|clearSystemEthernetProfile|setLoginWindowProfiles|getLoginWindowProfiles|clearLoginWindowProfiles|getLoginWindowInterfaces|help)
            "_eapolctl_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_eapolctl_profile() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'create:Create a profile (refused without a trust anchor and a server-name constraint).'
            'list:List profiles.'
            'show:Show one profile in full, with its certificates and any validation problems.'
            'remove:Remove a profile and the password and identity items of its ID and SSID.'
            'edit:Change fields of a profile in place, keeping its ID and its stored secrets.'
            'import:Import a profile file: eapolctl JSON, eapolcfg plist, .mobileconfig (signed or not) or eap-config.'
            'export:Export a profile as eapolctl JSON, an eapolcfg plist, a wpa_supplicant block, an iwd file or a NetworkManager keyfile.'
            'probe:Show the certificate chain the RADIUS server presents, without sending any credential.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        create|list|show|remove|edit|import|export|probe)
            "_eapolctl_profile_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_eapolctl_profile_create() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--name[User-visible name (default\: method and SSID).]:name:'
        '--ssid[Wi-Fi SSID\: text, or hex\:... for any bytes. Omit for a wired profile.]:ssid:'
        '--security[wpa2, wpa3, wpa3-192, wpa2-wpa3 (default wpa2 with --ssid).]:security:'
        '--hidden[The SSID is hidden (probe for it explicitly).]'
        '--wired-interface[Restrict a wired profile to this interface.]:interface:'
        '--method[Outer EAP method\: peap, ttls, tls, fast (leap only with --insecure-allow-leap).]:method:'
        '--inner[Inner method\: mschapv2, gtc (PEAP, EAP-FAST); pap, chap, mschap, mschapv2, eap-mschapv2 (TTLS).]:inner:'
        '--username[User name (inner identity).]:username:'
        '--outer-identity[Outer (anonymous) identity.]:outer-identity:'
        '*--ca-cert[Trusted CA certificate file, PEM or DER (repeatable).]:file:'
        '--system-cas[Trust the system CA bundle.]'
        '*--pin[SHA-256 fingerprint the server certificate must have (repeatable).]:sha256:'
        '*--server-name[Server name the certificate must carry (repeatable).]:name:'
        '--tls-min[Lowest TLS version (1.0-1.3).]:tls-min:'
        '--tls-max[Highest TLS version (1.0-1.3).]:tls-max:'
        '--allow-legacy-tls[Allow TLS 1.0/1.1 for old RADIUS servers.]'
        '--insecure-no-server-validation[Do not validate the server certificate (recorded in the profile and shown loudly).]'
        '--one-time-password[One-time passwords\: nothing is stored; auth start asks on the terminal or reads --password-stdin.]'
        '--insecure-allow-leap[Allow the broken LEAP method (MS-CHAPv1 based; recorded in the profile and shown loudly).]'
        '--fast-provisioning[EAP-FAST PAC provisioning\: none (a stored PAC only), authenticated (default), anonymous (the server is not authenticated while provisioning; recorded and shown loudly), both.]:mode:'
        '--passpoint[A Passpoint (Hotspot 2.0) profile\: no SSID; networks match by --roaming-consortium, --realm, --domain.]'
        '*--domain[Passpoint home domain (FQDN of the home operator; repeatable).]:fqdn:'
        '--realm[Passpoint NAI realm of the account, e.g. example.edu.]:realm:'
        '*--roaming-consortium[Passpoint roaming consortium OI, 6 or 10 hex digits, e.g. 001bc50460 (repeatable).]:oi:'
        '--roaming[Fast roaming between access points of the SSID\: auto (FT-EAP when the AP offers 802.11r, else OKC), ft, okc, none (default\: none).]:mode:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_profile_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--details[Show every profile in full.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_profile_show() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        ':profile:'
        '--ssid[The SSID the profile is bound to (text, or hex\:... for any bytes).]:ssid:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_profile_remove() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        ':profile:'
        '--ssid[The SSID the profile is bound to (text, or hex\:... for any bytes).]:ssid:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_profile_edit() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        ':profile:'
        '--ssid[The SSID the profile is bound to (text, or hex\:... for any bytes).]:ssid:'
        '--name[New user-visible name.]:name:'
        '--ssid-set[New SSID (text, or hex\:...); a wired profile becomes a Wi-Fi profile.]:ssid:'
        '--security[New Wi-Fi security\: wpa2, wpa3, wpa3-192, wpa2-wpa3.]:security:'
        '--hidden[Whether the SSID is hidden.]'
        '--no-hidden[Whether the SSID is hidden.]'
        '--wired[Make the profile wired (drops its SSID, security and hidden flag).]'
        '--wired-interface[Restrict the wired profile to this interface.]:interface:'
        '--no-wired-interface[Lift the wired profile'\''s interface restriction.]'
        '--method[New outer EAP method\: peap, ttls, tls, fast (leap only with --insecure-allow-leap).]:method:'
        '--inner[New inner method\: mschapv2, gtc (PEAP); pap, chap, mschap, mschapv2, eap-mschapv2 (TTLS).]:inner:'
        '--username[New user name (inner identity).]:username:'
        '--no-username[Remove the user name.]'
        '--outer-identity[New outer (anonymous) identity.]:outer-identity:'
        '--no-outer-identity[Remove the outer identity.]'
        '*--add-ca-cert[Trust the CA certificate(s) in this PEM or DER file (repeatable).]:file:'
        '*--remove-ca-cert[Stop trusting the CA certificate with this SHA-256 fingerprint, or all of them (repeatable).]:sha256|all:'
        '--system-cas[Whether the system CA bundle is trusted.]'
        '--no-system-cas[Whether the system CA bundle is trusted.]'
        '*--add-server-name[Add a server name the certificate must carry (repeatable).]:name:'
        '*--remove-server-name[Remove a server-name constraint (repeatable).]:name:'
        '*--add-pin[Add a SHA-256 fingerprint the server certificate may have (repeatable).]:sha256:'
        '*--remove-pin[Remove a server certificate pin (repeatable).]:sha256:'
        '--tls-min[New lowest TLS version (1.0-1.3).]:tls-min:'
        '--no-tls-min[Remove the lowest TLS version.]'
        '--tls-max[New highest TLS version (1.0-1.3).]:tls-max:'
        '--roaming[Fast roaming between access points of the SSID\: auto (FT-EAP when the AP offers 802.11r, else OKC), ft, okc, none (default\: none).]:mode:'
        '--no-tls-max[Remove the highest TLS version.]'
        '--allow-legacy-tls[Whether TLS 1.0/1.1 are allowed for old RADIUS servers.]'
        '--no-allow-legacy-tls[Whether TLS 1.0/1.1 are allowed for old RADIUS servers.]'
        '--insecure-no-server-validation[Whether server validation is off (recorded in the profile and shown loudly).]'
        '--no-insecure-no-server-validation[Whether server validation is off (recorded in the profile and shown loudly).]'
        '--one-time-password[Whether the password is one-time\: never stored, asked for at each authentication.]'
        '--no-one-time-password[Whether the password is one-time\: never stored, asked for at each authentication.]'
        '--insecure-allow-leap[Whether the broken LEAP method is allowed (recorded in the profile and shown loudly).]'
        '--no-insecure-allow-leap[Whether the broken LEAP method is allowed (recorded in the profile and shown loudly).]'
        '--fast-provisioning[New EAP-FAST PAC provisioning\: none (the stored PAC only), authenticated, anonymous (recorded and shown loudly), both.]:mode:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_profile_import() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        ':file:'
        '--replace[Replace profiles with the same ID or SSID.]'
        '--format[Force the format\: json, eapolcfg, mobileconfig, eap-config (default\: detect).]:format:'
        '--require-signed[Refuse the file unless it is a mobileconfig whose signature verifies and whose signer chains to a system CA (signed-trusted).]'
        '--allow-invalid-signature[Import a mobileconfig whose signature does not verify (it is reported signed-invalid).]'
        '--signature-ca-bundle[PEM bundle of the CAs a profile'\''s signer must chain to (default\: /etc/ssl/certs/ca-certificates.crt).]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_profile_export() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        ':profile:'
        '--ssid[The SSID the profile is bound to (text, or hex\:... for any bytes).]:ssid:'
        '--format[Export format\: json, eapolcfg, wpa-supplicant, iwd, networkmanager.]:format:'
        '--include-secrets[Include the stored password and client identity, in clear.]'
        '--output[Write to this file (mode 0600) instead of stdout.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_profile_probe() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '--take-over[Use the interface even if NetworkManager manages it (it is set unmanaged through NetworkManager'\''s API first, as `nmcli device set IF managed no` does) or wpa_supplicant holds networks eapolctl did not add.]'
        '--profile[The profile (ID or name) whose network to probe.]:profile:'
        '--ssid[Probe this Wi-Fi network (no profile needed).]:ssid:'
        '--wired[Probe the wired 802.1X port (no profile needed).]'
        '--identity[The identity to send when the profile has no outer identity (default\: anonymous).]:identity:'
        '--adopt[Write the presented root CA and server name into the profile (asks first on a terminal).]'
        '--expect-fingerprint[SHA-256 the presented CA or server certificate must have (needed by --adopt in scripts).]:sha256:'
        '--save-ca[Write the presented root CA (PEM) to this file.]:file:'
        '--force[Let --save-ca replace an existing file.]'
        '--timeout[Give up after this many seconds. (default\: 20.0)]:seconds:'
        '--driver[wpa_supplicant driver when creating the interface\: wired or nl80211.]:driver:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_password() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'set:Store a user name and password.'
            'get:Show a password item'\''s user name (the password is always masked).'
            'list:List password items (keys and user names only).'
            'remove:Remove a password item.'
            'check:Check whether the stored password equals the one given (exit status 1 when it does not).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        set|get|list|remove|check)
            "_eapolctl_password_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_eapolctl_password_set() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--profile[The item of this profile (ID or name).]:profile:'
        '--ssid[The item of this SSID (text, or hex\:...).]:ssid:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--username[User name (default\: the existing item'\''s, or the profile'\''s).]:username:'
        '--password[The password; - reads stdin (or prompts on a terminal). A literal value is visible to other users.]:password|-:'
        '--password-file[Read the password from this file.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_password_get() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--profile[The item of this profile (ID or name).]:profile:'
        '--ssid[The item of this SSID (text, or hex\:...).]:ssid:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_password_list() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_password_remove() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--profile[The item of this profile (ID or name).]:profile:'
        '--ssid[The item of this SSID (text, or hex\:...).]:ssid:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_password_check() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--profile[The item of this profile (ID or name).]:profile:'
        '--ssid[The item of this SSID (text, or hex\:...).]:ssid:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--password[The password; - reads stdin (or prompts on a terminal). A literal value is visible to other users.]:password|-:'
        '--password-file[Read the password from this file.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_identity() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'set:Store a client identity for EAP-TLS.'
            'get:Show which identity is stored (never the key).'
            'clear:Remove a stored identity.'
            'check:Check whether the stored client identity is the one given (exit status 1 when it is not).'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        set|get|clear|check)
            "_eapolctl_identity_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_eapolctl_identity_set() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--profile[The item of this profile (ID or name).]:profile:'
        '--ssid[The item of this SSID (text, or hex\:...).]:ssid:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--pkcs12[PKCS#12 bundle holding the certificate and private key.]:file:'
        '--certificate[PEM client certificate (with --private-key).]:file:'
        '--private-key[PEM private key (with --certificate).]:file:'
        '--passphrase-file[Read the PKCS#12 or key passphrase from this file.]:file:'
        '--passphrase-stdin[Read the PKCS#12 or key passphrase from stdin.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_identity_get() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--profile[The item of this profile (ID or name).]:profile:'
        '--ssid[The item of this SSID (text, or hex\:...).]:ssid:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_identity_clear() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--profile[The item of this profile (ID or name).]:profile:'
        '--ssid[The item of this SSID (text, or hex\:...).]:ssid:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_identity_check() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--profile[The item of this profile (ID or name).]:profile:'
        '--ssid[The item of this SSID (text, or hex\:...).]:ssid:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--fingerprint[SHA-256 fingerprint of the expected client certificate (64 hex digits, colons optional).]:sha256:'
        '--pkcs12[The expected PKCS#12 bundle.]:file:'
        '--passphrase-file[Also compare the bundle'\''s passphrase, read from this file.]:file:'
        '--passphrase-stdin[Also compare the bundle'\''s passphrase, read from stdin.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_store() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'init:Create an empty store, unlocked by a key file (default) or a passphrase.'
            'status:Unlock the store, verify its integrity and show its mode, paths and item counts.'
            'rekey:Re-encrypt every item under a new key: a fresh key file, or a passphrase.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        init|status|rekey)
            "_eapolctl_store_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_eapolctl_store_init() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--passphrase[Protect the store with a passphrase instead of a key file.]'
        '--reuse-key-file[Use the key file even though it already exists (it then unlocks this store and the one it came from).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_store_status() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_store_rekey() {
    local -i ret=1
    local -ar ___to=('key-file' 'passphrase')
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--to[The new mode\: key-file or passphrase.]:to:{__eapolctl_complete "${___to[@]}"}'
        '--new-passphrase-file[Read the new passphrase from this file.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_auth() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'start:Authenticate a profile on an interface and wait for the outcome.'
            'stop:Remove eapolctl'\''s networks and blobs from an interface and disconnect it.'
            'state:Show wpa_supplicant'\''s state of an interface and which profile is in use.'
            'roam:Ask wpa_supplicant to roam an interface to another access point of its network.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        start|stop|state|roam)
            "_eapolctl_auth_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_eapolctl_auth_start() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '--profile[The profile (ID or name).]:profile:'
        '--ssid[The profile bound to this SSID.]:ssid:'
        '--default[The only wired profile, with the default credentials.]'
        '--timeout[Give up after this many seconds. (default\: 30.0)]:seconds:'
        '--no-wait[Return right after selecting the network.]'
        '--driver[wpa_supplicant driver when creating the interface\: wired or nl80211.]:driver:'
        '--no-eapol-start[Do not send an EAPOL-Start after association (wait for the supplicant'\''s own, ~2 s).]'
        '--dhcp[DHCP client\: auto, builtin, dhclient, dhcpcd, udhcpc or none (auto\: the one managing the interface, else builtin). (default\: auto)]:backend:'
        '--dhcp-timeout[Budget of the DHCP exchange after authentication, in seconds. (default\: 15.0)]:seconds:'
        '--dhcp-script[Hook script for dhclient (-sf), dhcpcd (-c) or udhcpc (-s) instead of the system'\''s (which may edit /etc/resolv.conf).]:path:'
        '--max-start[Unanswered EAPOL-Starts (one a second) after which a wired port counts as without 802.1X; 0 waits for --timeout.]:count:'
        '--accept-open-port[A wired port without 802.1X (open, or MAC authentication bypass) is not an error\: go on to DHCP, unauthenticated.]'
        '--take-over[Use the interface even if NetworkManager manages it (it is set unmanaged through NetworkManager'\''s API first, as `nmcli device set IF managed no` does) or wpa_supplicant holds networks eapolctl did not add.]'
        '--password-stdin[Read a one-time-password profile'\''s password from standard input (else it is asked on the terminal).]'
        '--frequency[Scan these channel frequencies (MHz, comma-separated) first, e.g. 2412,5180; default\: where the profile last associated. Every channel is scanned when they find nothing.]:mhz\[,mhz...\]:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_auth_stop() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_auth_state() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_auth_roam() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '--bssid[The access point to roam to, aa\:bb\:cc\:dd\:ee\:ff.]:bssid:'
        '--timeout[Give up after this many seconds. (default\: 15.0)]:seconds:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_dhcp() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'renew:Obtain or refresh the lease on an interface now.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        renew)
            "_eapolctl_dhcp_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_eapolctl_dhcp_renew() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--dhcp[DHCP client\: auto, builtin, dhclient, dhcpcd, udhcpc or none (auto\: the one managing the interface, else builtin). (default\: auto)]:backend:'
        '--timeout[Give up after this many seconds. (default\: 15.0)]:seconds:'
        '--dhcp-script[Hook script for dhclient (-sf), dhcpcd (-c) or udhcpc (-s) instead of the system'\''s (which may edit /etc/resolv.conf).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_watch() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '--take-over[Use the interface even if NetworkManager manages it (it is set unmanaged through NetworkManager'\''s API first, as `nmcli device set IF managed no` does) or wpa_supplicant holds networks eapolctl did not add.]'
        '--profile[The profile (ID or name) to authenticate with when needed (default\: the profile of the current eapolctl network).]:profile:'
        '--dhcp[DHCP client\: auto, builtin, dhclient, dhcpcd, udhcpc or none (auto\: the one managing the interface, else builtin). (default\: auto)]:backend:'
        '--dhcp-timeout[Budget of each DHCP exchange, in seconds. (default\: 10.0)]:seconds:'
        '--dhcp-script[Hook script for dhclient (-sf), dhcpcd (-c) or udhcpc (-s) instead of the system'\''s (which may edit /etc/resolv.conf).]:path:'
        '--timeout[Budget of each full authentication, in seconds. (default\: 30.0)]:seconds:'
        '--driver[wpa_supplicant driver when creating the interface\: wired or nl80211.]:driver:'
        '--no-eapol-start[Do not send an EAPOL-Start after link-up.]'
        '--system[Authenticate with the interface'\''s system profile (setSystemProfile); else try its login-window profiles in order (setLoginWindowProfiles); else, on a wired interface, setSystemEthernetProfile'\''s. The eapolctl-watch@IF unit passes it.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_watch-wired() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '*--match[Serve the Ethernet ports whose name matches this glob (repeatable), physical or not.]:glob:'
        '--dhcp[DHCP client\: auto, builtin, dhclient, dhcpcd, udhcpc or none (auto\: the one managing the interface, else builtin). (default\: builtin)]:backend:'
        '--dhcp-timeout[Budget of each DHCP exchange, in seconds. (default\: 10.0)]:seconds:'
        '--dhcp-script[Hook script for dhclient (-sf), dhcpcd (-c) or udhcpc (-s) instead of the system'\''s (which may edit /etc/resolv.conf).]:path:'
        '--timeout[Budget of each full authentication, in seconds. (default\: 30.0)]:seconds:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_onboard() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        ':file:'
        '--interface[Interface to bind wired profiles to and to connect on.]:interface:'
        '--username[The user name (the provider'\''s realm is appended when missing).]:username:'
        '--password-stdin[Read the password from standard input.]'
        '--password-file[Read the password from this file.]:file:'
        '--pkcs12-passphrase-stdin[Read the client certificate'\''s PKCS#12 passphrase from standard input.]'
        '--connect[Authenticate (and get an address) after importing.]'
        '--dhcp[DHCP client used with --connect\: auto, builtin, dhclient, dhcpcd, udhcpc or none (default\: auto).]:backend:'
        '--take-over[Use the interface even if NetworkManager manages it (it is set unmanaged through NetworkManager'\''s API first, as `nmcli device set IF managed no` does) or wpa_supplicant holds networks eapolctl did not add.]'
        '--format[Force the file format (default\: detect).]:format:'
        '--require-signed[Refuse the file unless it is a mobileconfig whose signature verifies and whose signer chains to a system CA (signed-trusted).]'
        '--allow-invalid-signature[Import a mobileconfig whose signature does not verify (it is reported signed-invalid).]'
        '--signature-ca-bundle[PEM bundle of the CAs a profile'\''s signer must chain to (default\: /etc/ssl/certs/ca-certificates.crt).]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_errors() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--domain[Only this domain (usage, profile, import, store, system, dbus, supplicant, eap, dhcp).]:domain:'
        '--markdown[Print the Markdown table used in Docs/errors.md.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_listProfiles() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--details[Show every profile in full.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_showProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--details[Also print the applications'\'' information (setProfileInformation).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_exportProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--format[Export format\: json (default), eapolcfg, wpa-supplicant, iwd, networkmanager.]:format:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_importProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--replace[Replace a profile with the same ID or SSID.]'
        ':file:'
        '--require-signed[Refuse the file unless it is a mobileconfig whose signature verifies and whose signer chains to a system CA (signed-trusted).]'
        '--allow-invalid-signature[Import a mobileconfig whose signature does not verify (it is reported signed-invalid).]'
        '--signature-ca-bundle[PEM bundle of the CAs a profile'\''s signer must chain to (default\: /etc/ssl/certs/ca-certificates.crt).]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_removeProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_createProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '*--authType[EAP type\: PEAP, TTLS, TLS, FAST (43), LEAP (with --insecure-allow-leap) or a number (repeatable; the first supported is used).]:authType:'
        '--userDefinedName[User-visible name.]:userDefinedName:'
        '--SSID[Wi-Fi SSID (text, or hex\:...).]:SSID:'
        '--securityType[WPA, WPA2, Any, or wpa3, wpa3-192, wpa2-wpa3 (WEP is refused).]:securityType:'
        '--domain[Hotspot 2.0 (Passpoint) home domain, also used as the NAI realm; makes a Passpoint profile (no --SSID).]:domain:'
        '*--trustedCertificate[Trusted CA certificate file, DER or PEM (repeatable).]:trustedCertificate:'
        '*--trustedServerName[Server name the certificate must carry (repeatable).]:trustedServerName:'
        '--outerIdentity[Outer (anonymous) identity.]:outerIdentity:'
        '--TTLSInnerAuthentication[PAP, CHAP, MSCHAP or MSCHAPv2.]:TTLSInnerAuthentication:'
        '--userName[User name (extension).]:userName:'
        '--oneTimePassword[One-time passwords\: nothing is stored; startAuthentication asks on the terminal or reads --password-stdin.]'
        '--insecure-no-server-validation[Do not validate the server certificate (recorded in the profile and shown loudly).]'
        '--insecure-allow-leap[Allow the broken LEAP method (MS-CHAPv1 based; recorded in the profile and shown loudly).]'
        '--EAPFASTUsePAC[EAP-FAST\: use a PAC (required on Linux\: wpa_supplicant'\''s EAP-FAST needs one).]'
        '--EAPFASTProvisionPAC[EAP-FAST\: allow authenticated (server certificate) PAC provisioning.]'
        '--EAPFASTProvisionPACAnonymously[EAP-FAST\: allow anonymous PAC provisioning (the server is not authenticated; recorded and shown loudly).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_setProfileInformation() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '(--applicationID --applicationid)'{--applicationID,--applicationid}'[The application'\''s reverse-DNS ID (com.example.app).]:applicationID:'
        '--information[The plist file whose dictionary to keep.]:information:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_getProfileInformation() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '(--applicationID --applicationid)'{--applicationID,--applicationid}'[The application'\''s reverse-DNS ID (com.example.app).]:applicationID:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_clearProfileInformation() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '(--applicationID --applicationid)'{--applicationID,--applicationid}'[The application'\''s reverse-DNS ID (com.example.app).]:applicationID:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_setPasswordItem() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--system[The item used by boot-time authentication\: on Linux the same item (one store, used by root).]'
        '--name[User name.]:name:'
        '--password[The password, or - to read stdin (or prompt on a terminal).]:password:'
        '--password-file[Read the password from this file.]:password-file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_getPasswordItem() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--system[The item used by boot-time authentication\: on Linux the same item (one store, used by root).]'
        '--name[Print the user name (Name\: ...).]'
        '--password[Print that a password is stored (Password\: ************; never the password).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_removePasswordItem() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--system[The item used by boot-time authentication\: on Linux the same item (one store, used by root).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_setIdentity() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--system[The item used by boot-time authentication\: on Linux the same item (one store, used by root).]'
        '--certificate[PEM client certificate.]:certificate:'
        '--privateKey[PEM private key for --certificate.]:privateKey:'
        '--pkcs12[PKCS#12 bundle.]:pkcs12:'
        '--passphraseFile[Read the PKCS#12 or key passphrase from this file.]:passphraseFile:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_getIdentity() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--system[The item used by boot-time authentication\: on Linux the same item (one store, used by root).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_clearIdentity() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--default[The default item, used when neither the profile nor the SSID has one.]'
        '--system[The item used by boot-time authentication\: on Linux the same item (one store, used by root).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_startAuthentication() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--default[The only wired profile, with the default credentials.]'
        '--no-ui[Accepted for compatibility; eapolctl never shows UI.]'
        '--system[Authenticate as the system\: on Linux the same as without (eapolctl runs as root).]'
        '--timeout[Give up after this many seconds. (default\: 30.0)]:timeout:'
        '--no-wait[Return right after selecting the network (eapolcfg'\''s behaviour).]'
        '--dhcp[DHCP client\: auto, builtin, dhclient, dhcpcd, udhcpc or none (auto\: the one managing the interface, else builtin). (default\: auto)]:backend:'
        '--dhcp-timeout[Budget of the DHCP exchange after authentication, in seconds. (default\: 15.0)]:seconds:'
        '--dhcp-script[Hook script for dhclient (-sf), dhcpcd (-c) or udhcpc (-s) instead of the system'\''s (which may edit /etc/resolv.conf).]:path:'
        '--take-over[Use the interface even if NetworkManager manages it (it is set unmanaged through NetworkManager'\''s API first, as `nmcli device set IF managed no` does) or wpa_supplicant holds networks eapolctl did not add.]'
        '--password-stdin[Read a one-time-password profile'\''s password from standard input (else it is asked on the terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_stopAuthentication() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_getState() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--bus[D-Bus address of the bus wpa_supplicant is on (default\: the system bus).]:address:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_setSystemProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_getSystemProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_clearSystemProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_getSystemInterfaces() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--details[Show each interface'\''s profile and the state of its eapolctl-watch unit.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_setSystemEthernetProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profile'\''s ID (or name).]:profileID:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The SSID (text, or hex\:...).]:SSID:'
        '--domain[A Passpoint (Hotspot 2.0) profile'\''s home domain.]:domain:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_getSystemEthernetProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--details[Accepted for compatibility with eapolcfg\: the profile is always shown in full.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_clearSystemEthernetProfile() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_setLoginWindowProfiles() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '(--profileID --profileid)'{--profileID,--profileid}'[The profiles'\'' IDs (or names), first tried first.]:id:'
        '(--SSID --ssid)'{--SSID,--ssid}'[The profiles'\'' SSIDs (text, or hex\:...), first tried first.]:ssid:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_getLoginWindowProfiles() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_clearLoginWindowProfiles() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--interface[The network interface, e.g. eth0.]:name:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_getLoginWindowInterfaces() {
    local -i ret=1
    local -ar arg_specs=(
        '--json[Print results as JSON on stdout and failures as {"error"\: {...}} on stderr.]'
        '--state-dir[State directory holding profiles and the encrypted store (env\: EAPOLCTL_STATE_DIR).]:dir:'
        '--key-file[Key file that unlocks the encrypted store (env\: EAPOLCTL_KEY_FILE).]:file:'
        '--details[Show each interface'\''s profiles in order and the state of its eapolctl-watch unit.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_eapolctl_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _eapolctl ]]; then
    _eapolctl "${@}"
else
    compdef _eapolctl eapolctl
fi
