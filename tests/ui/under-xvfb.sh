#!/bin/sh
# Runs a GUI test on a private virtual X display (xvfb-run picks a free display number) with the xcb platform, in a
# private D-Bus session with an unlocked keyring (tests/client/with-secret-service.sh).
here=$(dirname "$0")
QT_QPA_PLATFORM=xcb
export QT_QPA_PLATFORM
exec xvfb-run -a -s "-screen 0 1600x1000x24" "$here/../client/with-secret-service.sh" "$@"
