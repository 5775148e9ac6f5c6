#!/usr/bin/env bash
# Set up, then run the main job: seeds/ → tei/ (validated as written) → build/web and build/pdf.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
.venv/bin/edition convert seeds/*.txt -o tei
.venv/bin/edition validate tei
.venv/bin/edition build --tei tei -o build
echo "Done: TEI in tei/, web edition in build/web/index.html, print edition in build/pdf/."
