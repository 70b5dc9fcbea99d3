#!/usr/bin/env bash
# Keeps what a long run (mvn verify -Pfuzz) found: copies up to MAX inputs (default 100, the
# smallest first) of each target's working corpus in .cifuzz-corpus/ into the target's Inputs
# folder as corpus-<sha1>, where the short run in mvn verify replays them. Commit the result.
set -euo pipefail
cd "$(dirname "$0")"
max=${1:-100}
for dir in .cifuzz-corpus/dev.warden.hardening.fuzz.*/*; do
  [ -d "$dir" ] || continue
  class=$(basename "$(dirname "$dir")")
  class=${class##*.}
  out=src/test/resources/dev/warden/hardening/fuzz/${class}Inputs/$(basename "$dir")
  mkdir -p "$out"
  n=0
  for f in $(ls -S -r "$dir"); do
    [ "$n" -lt "$max" ] || break
    cp "$dir/$f" "$out/corpus-$f"
    n=$((n + 1))
  done
  echo "$class: $n corpus inputs kept in $out"
done
