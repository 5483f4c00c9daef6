#!/usr/bin/env bash
# Enforces the dependency direction of docs/architecture.md:
#   core/ includes no Qt, Boost or GUI header; services/ includes no Qt.
# Exits 1 and names the offending lines when a rule is broken.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
forbidden_core='^\s*#\s*include\s*[<"](Q[A-Za-z]+|Qt[A-Za-z]*/|boost/|gtk|X11/|wx/|SDL)'
forbidden_services='^\s*#\s*include\s*[<"](Q[A-Za-z]+|Qt[A-Za-z]*/)'
if [ -d core ] && grep -rnE "$forbidden_core" core --include='*.h' --include='*.hpp' --include='*.cpp' --include='*.cc'; then
    echo "layering: core/ must not include Qt, Boost or GUI headers (lines above)" >&2
    status=1
fi
if [ -d services ] && grep -rnE "$forbidden_services" services --include='*.h' --include='*.hpp' --include='*.cpp'; then
    echo "layering: services/ must not include Qt headers (lines above)" >&2
    status=1
fi
if [ -d client ] && grep -rnE '^\s*#\s*include\s*[<"](QtWidgets/|QWidget|QMainWindow|QDialog)' client; then
    echo "layering: client/ must not include QtWidgets (lines above)" >&2
    status=1
fi
[ $status -eq 0 ] && echo "layering: ok"
exit $status
