#ifndef EAPOLCTL_CDBUS_SHIM_H
#define EAPOLCTL_CDBUS_SHIM_H
#include <dbus/dbus.h>
#endif
