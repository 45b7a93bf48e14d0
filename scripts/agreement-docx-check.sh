#!/usr/bin/env bash
# Not part of ./test. Converts the Malmö agreement's Word file (written by
# AgreementDocumentTests to $TMPDIR/samverka-malmo-agreement.docx) with LibreOffice, headless, to PDF
# and plain text, and prints the text beside seed 000 for a side-by-side comparison.
# Needs: apt-get install --no-install-recommends libreoffice-writer-nogui
set -euo pipefail
docx=${1:-${TMPDIR:-/tmp}/samverka-malmo-agreement.docx}
seed=${2:-/work/shared/seeds/000_9ce232d3bfcc92da.txt}
out=$(mktemp -d)
[ -f "$docx" ] || { echo "No $docx: run ./test --filter AgreementDocumentTests first." >&2; exit 1; }
command -v soffice >/dev/null || { echo "LibreOffice (soffice) is not installed." >&2; exit 1; }
# A private profile: no interference with a running LibreOffice or another user's settings.
soffice --headless -env:UserInstallation=file://"$out"/profile --convert-to pdf --outdir "$out" "$docx" >/dev/null
soffice --headless -env:UserInstallation=file://"$out"/profile --convert-to "txt:Text (encoded):UTF8" --outdir "$out" "$docx" >/dev/null
pdf="$out/$(basename "${docx%.docx}").pdf"
txt="$out/$(basename "${docx%.docx}").txt"
[ -s "$pdf" ] || { echo "LibreOffice did not convert the file." >&2; exit 1; }
echo "LibreOffice converted it: $pdf ($(stat -c %s "$pdf") bytes)"
if [ -f "$seed" ]; then
  # Compare paragraph by paragraph, ignoring the seed's markdown emphasis and blank lines.
  diff <(sed 's/\*//g; s/^ *//; /^\s*$/d' "$seed") <(sed 's/^\xEF\xBB\xBF//; s/^ *//; s/\t/ /g; s/^– /- /; /^\s*$/d' "$txt") > "$out/diff.txt" || true
  echo "Lines differing from seed 000 (< seed, > Word file): $(grep -c '^[<>]' "$out/diff.txt" || true)"
  cat "$out/diff.txt"
fi
