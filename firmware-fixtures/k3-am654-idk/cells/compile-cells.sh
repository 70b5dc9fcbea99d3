#!/bin/sh
# Regenerates the .cell files of this directory from their YAML sources with Warden's encoder
# (dev.warden.config.CompileCells). The unit test FixtureCellsTest fails while a
# committed .cell differs from what its YAML compiles to. Pass --check to only compare.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"
mvn -q -B -pl config -am install -DskipTests
mvn -q -B -pl config exec:java -Dexec.mainClass=dev.warden.config.CompileCells \
    -Dexec.args="$* $here"
