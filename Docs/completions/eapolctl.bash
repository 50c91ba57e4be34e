#!/bin/bash

__eapolctl_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__eapolctl_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__eapolctl_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__eapolctl_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_eapolctl() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __eapolctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    profile|password|identity|store|auth|dhcp|watch|watch-wired|onboard|errors|listProfiles|showProfile|exportProfile|importProfile|removeProfile|createProfile|setProfileInformation|getProfileInformation|clearProfileInformation|setPasswordItem|getPasswordItem|removePasswordItem|setIdentity|getIdentity|clearIdentity|startAuthentication|stopAuthentication|getState|setSystemProfile|getSystemProfile|clearSystemProfile|getSystemInterfaces|setSystemEthernetProfile|getSystemEthernetProfile|clearSystemEthernetProfile|setLoginWindowProfiles|getLoginWindowProfiles|clearLoginWindowProfiles|getLoginWindowInterfaces|help)
        # Offer subcommand argument completions
        "_eapolctl_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'profile password identity store auth dhcp watch watch-wired onboard errors listProfiles showProfile exportProfile importProfile removeProfile createProfile setProfileInformation getProfileInformation clearProfileInformation setPasswordItem getPasswordItem removePasswordItem setIdentity getIdentity clearIdentity startAuthentication stopAuthentication getState setSystemProfile getSystemProfile clearSystemProfile getSystemInterfaces setSystemEthernetProfile getSystemEthernetProfile clearSystemEthernetProfile setLoginWindowProfiles getLoginWindowProfiles clearLoginWindowProfiles getLoginWindowInterfaces help' -- "${cur}"))
        ;;
    esac
}

_eapolctl_profile() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __eapolctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|remove|edit|import|export|probe)
        # Offer subcommand argument completions
        "_eapolctl_profile_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show remove edit import export probe' -- "${cur}"))
        ;;
    esac
}

_eapolctl_profile_create() {
    repeating_flags=()
    non_repeating_flags=(--json --hidden --system-cas --allow-legacy-tls --insecure-no-server-validation --one-time-password --insecure-allow-leap --passpoint --version -h --help)
    repeating_options=(--ca-cert --pin --server-name --domain --roaming-consortium)
    non_repeating_options=(--state-dir --key-file --name --ssid --security --wired-interface --method --inner --username --outer-identity --tls-min --tls-max --fast-provisioning --realm --roaming)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--name')
        return
        ;;
    '--ssid')
        return
        ;;
    '--security')
        return
        ;;
    '--wired-interface')
        return
        ;;
    '--method')
        return
        ;;
    '--inner')
        return
        ;;
    '--username')
        return
        ;;
    '--outer-identity')
        return
        ;;
    '--ca-cert')
        return
        ;;
    '--pin')
        return
        ;;
    '--server-name')
        return
        ;;
    '--tls-min')
        return
        ;;
    '--tls-max')
        return
        ;;
    '--fast-provisioning')
        return
        ;;
    '--domain')
        return
        ;;
    '--realm')
        return
        ;;
    '--roaming-consortium')
        return
        ;;
    '--roaming')
        return
        ;;
    esac
}

_eapolctl_profile_list() {
    repeating_flags=()
    non_repeating_flags=(--json --details --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_eapolctl_profile_show() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --ssid)
    __eapolctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--ssid')
        return
        ;;
    esac
}

_eapolctl_profile_remove() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --ssid)
    __eapolctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--ssid')
        return
        ;;
    esac
}

_eapolctl_profile_edit() {
    repeating_flags=()
    non_repeating_flags=(--json --hidden --no-hidden --wired --no-wired-interface --no-username --no-outer-identity --system-cas --no-system-cas --no-tls-min --no-tls-max --allow-legacy-tls --no-allow-legacy-tls --insecure-no-server-validation --no-insecure-no-server-validation --one-time-password --no-one-time-password --insecure-allow-leap --no-insecure-allow-leap --version -h --help)
    repeating_options=(--add-ca-cert --remove-ca-cert --add-server-name --remove-server-name --add-pin --remove-pin)
    non_repeating_options=(--state-dir --key-file --ssid --name --ssid-set --security --wired-interface --method --inner --username --outer-identity --tls-min --tls-max --roaming --fast-provisioning)
    __eapolctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--ssid')
        return
        ;;
    '--name')
        return
        ;;
    '--ssid-set')
        return
        ;;
    '--security')
        return
        ;;
    '--wired-interface')
        return
        ;;
    '--method')
        return
        ;;
    '--inner')
        return
        ;;
    '--username')
        return
        ;;
    '--outer-identity')
        return
        ;;
    '--add-ca-cert')
        return
        ;;
    '--remove-ca-cert')
        return
        ;;
    '--add-server-name')
        return
        ;;
    '--remove-server-name')
        return
        ;;
    '--add-pin')
        return
        ;;
    '--remove-pin')
        return
        ;;
    '--tls-min')
        return
        ;;
    '--tls-max')
        return
        ;;
    '--roaming')
        return
        ;;
    '--fast-provisioning')
        return
        ;;
    esac
}

_eapolctl_profile_import() {
    repeating_flags=()
    non_repeating_flags=(--json --replace --require-signed --allow-invalid-signature --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --format --signature-ca-bundle)
    __eapolctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--format')
        return
        ;;
    '--signature-ca-bundle')
        return
        ;;
    esac
}

_eapolctl_profile_export() {
    repeating_flags=()
    non_repeating_flags=(--json --include-secrets --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --ssid --format --output)
    __eapolctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--ssid')
        return
        ;;
    '--format')
        return
        ;;
    '--output')
        return
        ;;
    esac
}

_eapolctl_profile_probe() {
    repeating_flags=()
    non_repeating_flags=(--json --take-over --wired --adopt --force --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --bus --profile --ssid --identity --expect-fingerprint --save-ca --timeout --driver)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--bus')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    '--identity')
        return
        ;;
    '--expect-fingerprint')
        return
        ;;
    '--save-ca')
        return
        ;;
    '--timeout')
        return
        ;;
    '--driver')
        return
        ;;
    esac
}

_eapolctl_password() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __eapolctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    set|get|list|remove|check)
        # Offer subcommand argument completions
        "_eapolctl_password_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'set get list remove check' -- "${cur}"))
        ;;
    esac
}

_eapolctl_password_set() {
    repeating_flags=()
    non_repeating_flags=(--json --default --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profile --ssid --username --password --password-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    '--username')
        return
        ;;
    '--password')
        return
        ;;
    '--password-file')
        return
        ;;
    esac
}

_eapolctl_password_get() {
    repeating_flags=()
    non_repeating_flags=(--json --default --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profile --ssid)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    esac
}

_eapolctl_password_list() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_eapolctl_password_remove() {
    repeating_flags=()
    non_repeating_flags=(--json --default --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profile --ssid)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    esac
}

_eapolctl_password_check() {
    repeating_flags=()
    non_repeating_flags=(--json --default --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profile --ssid --password --password-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    '--password')
        return
        ;;
    '--password-file')
        return
        ;;
    esac
}

_eapolctl_identity() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __eapolctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    set|get|clear|check)
        # Offer subcommand argument completions
        "_eapolctl_identity_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'set get clear check' -- "${cur}"))
        ;;
    esac
}

_eapolctl_identity_set() {
    repeating_flags=()
    non_repeating_flags=(--json --default --passphrase-stdin --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profile --ssid --pkcs12 --certificate --private-key --passphrase-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    '--pkcs12')
        return
        ;;
    '--certificate')
        return
        ;;
    '--private-key')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    esac
}

_eapolctl_identity_get() {
    repeating_flags=()
    non_repeating_flags=(--json --default --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profile --ssid)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    esac
}

_eapolctl_identity_clear() {
    repeating_flags=()
    non_repeating_flags=(--json --default --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profile --ssid)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    esac
}

_eapolctl_identity_check() {
    repeating_flags=()
    non_repeating_flags=(--json --default --passphrase-stdin --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profile --ssid --fingerprint --pkcs12 --passphrase-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    '--fingerprint')
        return
        ;;
    '--pkcs12')
        return
        ;;
    '--passphrase-file')
        return
        ;;
    esac
}

_eapolctl_store() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __eapolctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    init|status|rekey)
        # Offer subcommand argument completions
        "_eapolctl_store_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'init status rekey' -- "${cur}"))
        ;;
    esac
}

_eapolctl_store_init() {
    repeating_flags=()
    non_repeating_flags=(--json --passphrase --reuse-key-file --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_eapolctl_store_status() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_eapolctl_store_rekey() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --to --new-passphrase-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--to')
        __eapolctl_add_completions -W 'key-file'$'\n''passphrase'
        return
        ;;
    '--new-passphrase-file')
        return
        ;;
    esac
}

_eapolctl_auth() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __eapolctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    start|stop|state|roam)
        # Offer subcommand argument completions
        "_eapolctl_auth_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'start stop state roam' -- "${cur}"))
        ;;
    esac
}

_eapolctl_auth_start() {
    repeating_flags=()
    non_repeating_flags=(--json --default --no-wait --no-eapol-start --accept-open-port --take-over --password-stdin --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --bus --profile --ssid --timeout --driver --dhcp --dhcp-timeout --dhcp-script --max-start --frequency)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--bus')
        return
        ;;
    '--profile')
        return
        ;;
    '--ssid')
        return
        ;;
    '--timeout')
        return
        ;;
    '--driver')
        return
        ;;
    '--dhcp')
        return
        ;;
    '--dhcp-timeout')
        return
        ;;
    '--dhcp-script')
        return
        ;;
    '--max-start')
        return
        ;;
    '--frequency')
        return
        ;;
    esac
}

_eapolctl_auth_stop() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --bus)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--bus')
        return
        ;;
    esac
}

_eapolctl_auth_state() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --bus)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--bus')
        return
        ;;
    esac
}

_eapolctl_auth_roam() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --bus --bssid --timeout)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--bus')
        return
        ;;
    '--bssid')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_eapolctl_dhcp() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __eapolctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    renew)
        # Offer subcommand argument completions
        "_eapolctl_dhcp_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'renew' -- "${cur}"))
        ;;
    esac
}

_eapolctl_dhcp_renew() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --dhcp --timeout --dhcp-script)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--dhcp')
        return
        ;;
    '--timeout')
        return
        ;;
    '--dhcp-script')
        return
        ;;
    esac
}

_eapolctl_watch() {
    repeating_flags=()
    non_repeating_flags=(--json --take-over --no-eapol-start --system --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --bus --profile --dhcp --dhcp-timeout --dhcp-script --timeout --driver)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--bus')
        return
        ;;
    '--profile')
        return
        ;;
    '--dhcp')
        return
        ;;
    '--dhcp-timeout')
        return
        ;;
    '--dhcp-script')
        return
        ;;
    '--timeout')
        return
        ;;
    '--driver')
        return
        ;;
    esac
}

_eapolctl_watch-wired() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--match)
    non_repeating_options=(--state-dir --key-file --bus --dhcp --dhcp-timeout --dhcp-script --timeout)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--bus')
        return
        ;;
    '--match')
        return
        ;;
    '--dhcp')
        return
        ;;
    '--dhcp-timeout')
        return
        ;;
    '--dhcp-script')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_eapolctl_onboard() {
    repeating_flags=()
    non_repeating_flags=(--json --password-stdin --pkcs12-passphrase-stdin --connect --take-over --require-signed --allow-invalid-signature --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --username --password-file --dhcp --format --signature-ca-bundle)
    __eapolctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--username')
        return
        ;;
    '--password-file')
        return
        ;;
    '--dhcp')
        return
        ;;
    '--format')
        return
        ;;
    '--signature-ca-bundle')
        return
        ;;
    esac
}

_eapolctl_errors() {
    repeating_flags=()
    non_repeating_flags=(--json --markdown --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --domain)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_eapolctl_listProfiles() {
    repeating_flags=()
    non_repeating_flags=(--json --details --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_eapolctl_showProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --details --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_eapolctl_exportProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain --format)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    '--format')
        return
        ;;
    esac
}

_eapolctl_importProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --replace --require-signed --allow-invalid-signature --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --signature-ca-bundle)
    __eapolctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--signature-ca-bundle')
        return
        ;;
    esac
}

_eapolctl_removeProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_eapolctl_createProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --oneTimePassword --insecure-no-server-validation --insecure-allow-leap --EAPFASTUsePAC --EAPFASTProvisionPAC --EAPFASTProvisionPACAnonymously --version -h --help)
    repeating_options=(--authType --trustedCertificate --trustedServerName)
    non_repeating_options=(--state-dir --key-file --userDefinedName --SSID --securityType --domain --outerIdentity --TTLSInnerAuthentication --userName)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--authType')
        return
        ;;
    '--userDefinedName')
        return
        ;;
    '--SSID')
        return
        ;;
    '--securityType')
        return
        ;;
    '--domain')
        return
        ;;
    '--trustedCertificate')
        return
        ;;
    '--trustedServerName')
        return
        ;;
    '--outerIdentity')
        return
        ;;
    '--TTLSInnerAuthentication')
        return
        ;;
    '--userName')
        return
        ;;
    esac
}

_eapolctl_setProfileInformation() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain --applicationID --applicationid --information)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    '--applicationID'|'--applicationid')
        return
        ;;
    '--information')
        return
        ;;
    esac
}

_eapolctl_getProfileInformation() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain --applicationID --applicationid)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    '--applicationID'|'--applicationid')
        return
        ;;
    esac
}

_eapolctl_clearProfileInformation() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain --applicationID --applicationid)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    '--applicationID'|'--applicationid')
        return
        ;;
    esac
}

_eapolctl_setPasswordItem() {
    repeating_flags=()
    non_repeating_flags=(--json --default --system --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain --name --password --password-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    '--name')
        return
        ;;
    '--password')
        return
        ;;
    '--password-file')
        return
        ;;
    esac
}

_eapolctl_getPasswordItem() {
    repeating_flags=()
    non_repeating_flags=(--json --default --system --name --password --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_eapolctl_removePasswordItem() {
    repeating_flags=()
    non_repeating_flags=(--json --default --system --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_eapolctl_setIdentity() {
    repeating_flags=()
    non_repeating_flags=(--json --default --system --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain --certificate --privateKey --pkcs12 --passphraseFile)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    '--certificate')
        return
        ;;
    '--privateKey')
        return
        ;;
    '--pkcs12')
        return
        ;;
    '--passphraseFile')
        return
        ;;
    esac
}

_eapolctl_getIdentity() {
    repeating_flags=()
    non_repeating_flags=(--json --default --system --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_eapolctl_clearIdentity() {
    repeating_flags=()
    non_repeating_flags=(--json --default --system --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_eapolctl_startAuthentication() {
    repeating_flags=()
    non_repeating_flags=(--json --default --no-ui --system --no-wait --take-over --password-stdin --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --bus --profileID --profileid --SSID --ssid --domain --timeout --dhcp --dhcp-timeout --dhcp-script)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--bus')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    '--timeout')
        return
        ;;
    '--dhcp')
        return
        ;;
    '--dhcp-timeout')
        return
        ;;
    '--dhcp-script')
        return
        ;;
    esac
}

_eapolctl_stopAuthentication() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --bus)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--bus')
        return
        ;;
    esac
}

_eapolctl_getState() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --bus)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--bus')
        return
        ;;
    esac
}

_eapolctl_setSystemProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface --profileID --profileid --SSID --ssid --domain)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_eapolctl_getSystemProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    esac
}

_eapolctl_clearSystemProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    esac
}

_eapolctl_getSystemInterfaces() {
    repeating_flags=()
    non_repeating_flags=(--json --details --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_eapolctl_setSystemEthernetProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --profileID --profileid --SSID --ssid --domain)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    '--domain')
        return
        ;;
    esac
}

_eapolctl_getSystemEthernetProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --details --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_eapolctl_clearSystemEthernetProfile() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_eapolctl_setLoginWindowProfiles() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--profileID --profileid --SSID --ssid)
    non_repeating_options=(--state-dir --key-file --interface)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    '--profileID'|'--profileid')
        return
        ;;
    '--SSID'|'--ssid')
        return
        ;;
    esac
}

_eapolctl_getLoginWindowProfiles() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    esac
}

_eapolctl_clearLoginWindowProfiles() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file --interface)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    '--interface')
        return
        ;;
    esac
}

_eapolctl_getLoginWindowInterfaces() {
    repeating_flags=()
    non_repeating_flags=(--json --details --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-dir --key-file)
    __eapolctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--state-dir')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_eapolctl_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __eapolctl_offer_flags_options -1
}

complete -o filenames -F _eapolctl eapolctl
