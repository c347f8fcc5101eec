#!/usr/bin/env python3
"""A test agent that misbehaves on purpose, as its first argument says:
hang (never answers alloc), crash (exits at alloc), garbage (answers alloc with nonsense),
silent (never says hello), old (speaks protocol 0), error (answers alloc with an error line)."""
import sys
import time

how = sys.argv[1]
if how == "silent":
    time.sleep(60)
print("hello protocol=%d agent=misbehaving-%s ops=alloc,free,set_last,set_pid_max"
      % (0 if how == "old" else 1, how), flush=True)
for line in sys.stdin:
    if line.startswith("quit"):
        break
    if line.startswith("alloc"):
        if how == "hang":
            time.sleep(60)
        if how == "crash":
            sys.exit("the allocator panicked")
        if how == "garbage":
            print("banana 42", flush=True)
            continue
        if how == "error":
            print("error cannot allocate here", flush=True)
            continue
    print("ok", flush=True)
