#!/usr/bin/env bash
# The core (Sources/Arsplan) imports nothing, not even Foundation: value types, no I/O, no
# clock (see README, "For developers"). Lists every import found there and fails if any.
set -euo pipefail
core="${1:-Sources/Arsplan}"
# An import declaration: attributes (@testable, @_exported, @preconcurrency …), an access
# level (public import …), a kind (import struct …), then the module.
pattern='^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*((public|package|internal|fileprivate|private)[[:space:]]+)?import[[:space:]]+'
if found=$(grep -rnE --include='*.swift' "$pattern" "$core"); then
    echo "$found"
    echo "error: $core must import nothing (not even Foundation); move the code that needs a module out of the core." >&2
    exit 1
fi
echo "$core imports nothing."
