#!/bin/sh
# Builds the kernel agent (pidmap-agent.c and, beside it, pidmap-tasks.c and pidmap-exits.c:
# the process level)
# with the machine's gcc. Called by the conformance
# module's Maven build (exec-maven-plugin, generate-resources) as: build-agent.sh SOURCE OUTDIR
set -eu
src=$1
out=$2
if [ "$(uname -s)" != Linux ]; then
  echo "pidmap: not building the kernel agent: it needs Linux (this is $(uname -s));" \
    "the kernel conformance checks will be skipped" >&2
  exit 0
fi
if ! command -v gcc >/dev/null 2>&1; then
  echo "pidmap: ERROR: gcc not found. The conformance module builds its kernel agent" \
    "($src) from source with the machine's gcc; install it (e.g. apt-get install gcc)." >&2
  exit 1
fi
mkdir -p "$out"
# -z now: no lazy binding, whose resolver would need more stack than a holder has.
gcc -std=gnu11 -O2 -Wall -Wextra -Werror -Wl,-z,now -o "$out/pidmap-agent.tmp" "$src" \
  "$(dirname "$src")/pidmap-tasks.c" "$(dirname "$src")/pidmap-exits.c"
mv -f "$out/pidmap-agent.tmp" "$out/pidmap-agent"
