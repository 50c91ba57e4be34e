/// Namespace for the eapolcfg-compatible commands (`createProfile`, `setPasswordItem`, ...). Each lives in its
/// own file here and calls the same actions as its noun-verb twin.
enum Eapolcfg {}
