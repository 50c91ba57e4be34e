#!/bin/sh
# A DHCP client hook that only sets the address and the default route with `ip`, for tests and benchmarks in
# network namespaces: the system hooks of dhclient, dhcpcd and udhcpc would also write /etc/resolv.conf, which
# every namespace shares with the host. Understood by dhclient and dhcpcd ($reason, $new_*) and udhcpc ($1, $ip,
# $subnet, $router, $lease).
case "$reason" in
  BOUND|RENEW|REBIND|REBOOT)
    ip addr replace "$new_ip_address/$new_subnet_mask" dev "$interface" valid_lft "$new_dhcp_lease_time" preferred_lft "$new_dhcp_lease_time"
    [ -n "$new_routers" ] && ip route replace default via ${new_routers%% *} dev "$interface" onlink
    exit 0 ;;
  EXPIRE|FAIL|RELEASE|STOP)
    [ -n "$old_ip_address" ] && ip addr del "$old_ip_address/$old_subnet_mask" dev "$interface"
    exit 0 ;;
esac
case "$1" in
  bound|renew)
    ip addr replace "$ip/$subnet" dev "$interface" valid_lft "$lease" preferred_lft "$lease"
    [ -n "$router" ] && ip route replace default via ${router%% *} dev "$interface" onlink ;;
esac
exit 0
