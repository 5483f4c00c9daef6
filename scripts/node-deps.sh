#!/usr/bin/env bash
# Installs the node_modules of the gateway's Node.js test harness (tests/gateway/node: the official openai client)
# with `npm ci`, only when they are missing or older than package-lock.json. Idempotent; works offline once
# installed (it then only compares a hash). Prints the harness directory's state; exits non-zero if npm fails.
#
#   scripts/node-deps.sh           install if needed
#   scripts/node-deps.sh --check   exit 0 if installed and current, 1 otherwise (never touches the network)
set -euo pipefail

cd "$(dirname "$0")/.."
harness=tests/gateway/node
lock="$harness/package-lock.json"
stamp="$harness/node_modules/.modelguard-deps-stamp"

if [ ! -f "$lock" ]; then
    echo "node-deps: $lock is missing" >&2
    exit 1
fi
want=$(sha256sum "$lock" | cut -d' ' -f1)
have=""
if [ -f "$stamp" ] && [ -d "$harness/node_modules/openai" ]; then
    have=$(cat "$stamp")
fi

if [ "$want" = "$have" ]; then
    echo "node-deps: $harness/node_modules is up to date"
    exit 0
fi
if [ "${1:-}" = "--check" ]; then
    echo "node-deps: $harness/node_modules is missing or stale (run scripts/node-deps.sh)" >&2
    exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "node-deps: npm is not installed (Debian package 'npm')" >&2
    exit 1
fi

echo "node-deps: installing $harness/node_modules (npm ci)"
# npm ci removes node_modules first, so a failed install never leaves a stamp behind.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! (cd "$harness" && npm ci --no-audit --no-fund --loglevel=error) 2>"$log"; then
    cat "$log" >&2
    # Behind a TLS-intercepting proxy whose CA the machine does not trust, the registry's certificate cannot be
    # verified. The lock file pins every package by its sha512 integrity hash, and npm ci refuses any tarball that
    # does not match it, so what gets installed does not depend on the transport; try once more without TLS
    # verification and say so.
    if grep -qE 'SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_' "$log"; then
        echo "node-deps: the registry's TLS certificate is not trusted here; retrying without TLS verification" \
             "(package-lock.json's integrity hashes still verify every package)" >&2
        (cd "$harness" && npm ci --no-audit --no-fund --loglevel=error --strict-ssl=false)
    else
        exit 1
    fi
fi
echo "$want" > "$stamp"
echo "node-deps: done"
