#!/bin/sh
# Every user-visible string of the console has a German translation: runs lupdate over the console's sources into a
# copy of translations/modelguard_de.ts and fails, listing them, if any message is new or unfinished.
# Usage: check-translations.sh LUPDATE SOURCE_DIR
set -eu
lupdate=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src/translations/modelguard_de.ts" "$work/modelguard_de.ts"
# The same files the modelguard_lupdate target reads (listed one by one: lupdate resolves the namespaces of the classes
# only when headers and sources are given together as files).
find "$src/ui" "$src/client" -maxdepth 1 \( -name '*.cpp' -o -name '*.h' \) | sort >"$work/files"
echo "$src/app/console/main.cpp" >>"$work/files"
# shellcheck disable=SC2046
"$lupdate" -no-obsolete -locations none -I "$src" $(cat "$work/files") -ts "$work/modelguard_de.ts" >"$work/lupdate.log" 2>&1 ||
    { cat "$work/lupdate.log"; exit 1; }
missing=$(grep -c 'type="unfinished"' "$work/modelguard_de.ts" || true)
if [ "$missing" -ne 0 ]; then
    echo "$missing console strings have no German translation (run the modelguard_lupdate target, then translate):"
    grep -B3 'type="unfinished"' "$work/modelguard_de.ts" | grep '<source>' | sed 's/^ *//'
    exit 1
fi
echo "all console strings are translated ($(grep -c '<message>' "$work/modelguard_de.ts") messages)"
