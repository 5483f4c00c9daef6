#!/usr/bin/env bash
# A watermark round trip from the command line: a fresh gateway key; a response watermarked for one client;
# detection on the whole response, on a 40-word verbatim excerpt (payload), on a long text whose invisible payload
# was removed and which was re-cased and re-wrapped (lexical scheme alone), and on unwatermarked text.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs" --target modelguard-cli
cli=build/release/app/cli/modelguard-cli

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clients=acme-research,globex,initech
step() { printf '\n== %s ==\n' "$1"; }

"$cli" watermark keygen --out "$work/gateway.key" --gateway-id gw-demo

step "A response watermarked for client 'acme-research' (payload + lexical; changed words differ from the original)"
"$cli" watermark embed --key "$work/gateway.key" --client acme-research \
    <resources/demo/sample-response.txt >"$work/marked.txt"
# Shown without the invisible payload code points, which some terminals draw as boxes.
python3 - "$work/marked.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
visible = "".join(c for c in text if not (0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF))
print(visible)
print(f"[{len(text) - len(visible)} invisible payload code points not shown]")
PY

step "Detection on the whole response"
"$cli" watermark detect --key "$work/gateway.key" --clients "$clients" <"$work/marked.txt" || true

step "Detection on a 40-word verbatim excerpt (the invisible payload names the client)"
python3 - "$work/marked.txt" >"$work/excerpt.txt" <<'PY'
import sys
words = open(sys.argv[1], encoding="utf-8").read().split()
print(" ".join(words[100:140]))
PY
python3 -c 'import sys; print("".join(c for c in open(sys.argv[1], encoding="utf-8").read() if not (0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF)))' "$work/excerpt.txt"
"$cli" watermark detect --key "$work/gateway.key" --clients "$clients" <"$work/excerpt.txt" || true

step "A 3,000-word text watermarked for 'globex', then payload stripped, lower-cased and re-wrapped (lexical alone)"
python3 - >"$work/long.txt" <<'PY'
import pathlib
words = []
for path in sorted(pathlib.Path("/usr/share/games/fortunes").iterdir()):
    if path.suffix or path.name in ("art", "ascii-art") or not path.is_file():
        continue
    words += path.read_text(encoding="utf-8", errors="replace").replace("\n%\n", "\n").split()
print(" ".join(words[20000:23000]))
PY
"$cli" watermark embed --key "$work/gateway.key" --client globex --scheme both <"$work/long.txt" >"$work/long-marked.txt"
python3 - "$work/long-marked.txt" >"$work/long-attacked.txt" <<'PY'
import sys, textwrap, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) not in ("Cf", "Mn"))
print(textwrap.fill(text.lower(), 72))
PY
"$cli" watermark detect --key "$work/gateway.key" --clients "$clients" <"$work/long-attacked.txt" || true

step "Detection on the same text before watermarking"
"$cli" watermark detect --key "$work/gateway.key" --clients "$clients" <"$work/long.txt" || true
