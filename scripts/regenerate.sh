#!/usr/bin/env bash
# Regenerates what is made from other files: the embedded rule packs (scripts/embed-rules.sh), then, with a fresh
# build, rules/RULES.md and the golden files of the reporters (UPDATE_GOLDEN=1). Read the diff afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/embed-rules.sh
swift build --build-tests
UPDATE_GOLDEN=1 swift test --skip-build
