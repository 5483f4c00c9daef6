#!/usr/bin/env bash
# Formats (or with --check, verifies) every C++ source of the project with the root .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=(-i)
[ "${1:-}" = "--check" ] && mode=(--dry-run --Werror)
git ls-files -z '*.cpp' '*.h' | xargs -0 -r clang-format "${mode[@]}"
