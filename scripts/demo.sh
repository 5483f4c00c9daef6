#!/usr/bin/env bash
# The README's first command: builds what is needed and runs the main job.
# For now: a watermark round trip on sample text — a fresh gateway key, a response watermarked for one client,
# then detection on a 40-word verbatim excerpt and on a lightly edited copy, each with its verdict.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs" --target modelguard-cli
cli=build/release/app/cli/modelguard-cli

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" watermark keygen --out "$work/gateway.key" --gateway-id gw-demo
sample=resources/demo/sample-response.txt

echo
echo "== A response, watermarked for client 'acme-research' (payload + lexical) =="
"$cli" watermark embed --key "$work/gateway.key" --client acme-research <"$sample" >"$work/marked.txt"
cat "$work/marked.txt"
echo

echo "== Detection on the whole response =="
"$cli" watermark detect --key "$work/gateway.key" --clients acme-research,globex,initech <"$work/marked.txt" || true

echo
echo "== Detection after the invisible payload is stripped and every third line is dropped (lexical only) =="
python3 - "$work/marked.txt" >"$work/edited.txt" <<'PY'
import re, sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
text = "".join(c for c in text if unicodedata.category(c) != "Cf" and not (0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF))
lines = text.splitlines()
print("\n".join(l for i, l in enumerate(lines) if i % 3 != 2))
PY
"$cli" watermark detect --key "$work/gateway.key" --clients acme-research,globex,initech <"$work/edited.txt" || true

echo
echo "== Detection on the original, unwatermarked text =="
"$cli" watermark detect --key "$work/gateway.key" --clients acme-research,globex,initech <"$sample" || true
