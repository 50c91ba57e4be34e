#ifndef EAPOLCTL_CDBUS_SHIM_H
#define EAPOLCTL_CDBUS_SHIM_H
#include <dbus/dbus.h>
#include <stddef.h>
#include <sys/eventfd.h>

// Thin wrappers over what Swift cannot import or easily get right: libdbus's type
// codes are macros over character casts, and string / fixed-array arguments take a
// pointer to the pointer (`const char **`), a classic source of bugs in wrappers.

static const int CDBUS_TYPE_INVALID = DBUS_TYPE_INVALID;
static const int CDBUS_TYPE_BYTE = DBUS_TYPE_BYTE;
static const int CDBUS_TYPE_BOOLEAN = DBUS_TYPE_BOOLEAN;
static const int CDBUS_TYPE_INT16 = DBUS_TYPE_INT16;
static const int CDBUS_TYPE_UINT16 = DBUS_TYPE_UINT16;
static const int CDBUS_TYPE_INT32 = DBUS_TYPE_INT32;
static const int CDBUS_TYPE_UINT32 = DBUS_TYPE_UINT32;
static const int CDBUS_TYPE_INT64 = DBUS_TYPE_INT64;
static const int CDBUS_TYPE_UINT64 = DBUS_TYPE_UINT64;
static const int CDBUS_TYPE_DOUBLE = DBUS_TYPE_DOUBLE;
static const int CDBUS_TYPE_STRING = DBUS_TYPE_STRING;
static const int CDBUS_TYPE_OBJECT_PATH = DBUS_TYPE_OBJECT_PATH;
static const int CDBUS_TYPE_SIGNATURE = DBUS_TYPE_SIGNATURE;
static const int CDBUS_TYPE_UNIX_FD = DBUS_TYPE_UNIX_FD;
static const int CDBUS_TYPE_ARRAY = DBUS_TYPE_ARRAY;
static const int CDBUS_TYPE_VARIANT = DBUS_TYPE_VARIANT;
static const int CDBUS_TYPE_STRUCT = DBUS_TYPE_STRUCT;
static const int CDBUS_TYPE_DICT_ENTRY = DBUS_TYPE_DICT_ENTRY;

/// Appends a string-like basic value (s, o, g); libdbus wants a pointer to the `const char *`.
static inline dbus_bool_t cdbus_iter_append_string(DBusMessageIter *iter, int type, const char *value) {
    return dbus_message_iter_append_basic(iter, type, &value);
}

/// Appends `count` bytes as the contents of an already opened `ay` container.
static inline dbus_bool_t cdbus_iter_append_bytes(DBusMessageIter *sub, const unsigned char *bytes, int count) {
    return dbus_message_iter_append_fixed_array(sub, DBUS_TYPE_BYTE, &bytes, count);
}

/// Reads a string-like basic value (s, o, g); the pointer is owned by the message.
static inline const char *cdbus_iter_get_string(DBusMessageIter *iter) {
    const char *value = NULL;
    dbus_message_iter_get_basic(iter, &value);
    return value;
}

/// Reads the bytes of an `ay` array iterator (recursed into); the pointer is owned by the message.
static inline const unsigned char *cdbus_iter_get_bytes(DBusMessageIter *sub, int *count) {
    const unsigned char *bytes = NULL;
    *count = 0;
    dbus_message_iter_get_fixed_array(sub, &bytes, count);
    return bytes;
}

/// A non-blocking, close-on-exec eventfd used to wake a connection's I/O thread.
static inline int cdbus_wakeup_fd(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

#endif
