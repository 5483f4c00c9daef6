#!/bin/sh
# Runs a command in a private D-Bus session with an unlocked gnome-keyring providing the Secret Service
# (org.freedesktop.secrets); the keyring daemon is stopped when the command ends, the bus by dbus-run-session.
# MG_REQUIRE_SECRET_SERVICE tells the keychain tests that a Secret Service must be there (a missing one fails them).
MG_REQUIRE_SECRET_SERVICE=1
export MG_REQUIRE_SECRET_SERVICE
exec dbus-run-session -- sh -c '
printf pw | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring=$!
i=0
while [ $i -lt 50 ] && ! dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    sleep 0.1
    i=$((i + 1))
done
"$@"
status=$?
kill "$keyring" 2>/dev/null
wait "$keyring" 2>/dev/null
exit $status' sh "$@"
