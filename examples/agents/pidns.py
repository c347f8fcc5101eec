#!/usr/bin/env python3
"""PID namespaces for the example agents: numbers, the cursor, pid_max, and Linux 6's rule.

Each namespace has its own numbers, cursor (ns_last_pid + 1) and pid_max; a number (a Pid) is
taken while anything uses it: a task, a zombie, a process group, a session, a holder.

Written from the rules of docs/PROFILES.md and docs/AGENT-PROTOCOL.md, not from any kernel's code.
"""

RESERVED, LIMIT, DEFAULT = 300, 4194304, 32768


class Fail(Exception):
    """An errno for the caller."""


class Ns:
    def __init__(self, parent, pid_max=LIMIT):
        self.parent, self.pid_max = parent, pid_max
        self.used = {}            # number -> the Pid that holds it
        self.cursor = 0           # ns_last_pid + 1
        self.init = None          # the child reaper: the task that got 1 here
        self.open = True          # False once init has exited

    def chain(self):              # this namespace, then its parents up to the root
        ns = self
        while ns:
            yield ns
            ns = ns.parent

    def floor(self):              # the wrap goes to 1 until the cursor passes RESERVED_PIDS
        return 1 if self.cursor <= RESERVED else RESERVED

    def candidates(self):         # [start, pid_max), then from the floor up to the start
        low = self.floor()
        start = max(self.cursor, low)
        yield from range(start, self.pid_max)
        if start > low:
            yield from range(low, min(start, self.pid_max))

    def take(self):
        for nr in self.candidates():
            if nr not in self.used:
                self.cursor = nr + 1
                return nr
        return self.full()

    def full(self):
        raise Fail("EAGAIN")


class Pid:
    def __init__(self, numbers):
        self.numbers, self.users = numbers, set()   # {ns: nr}; {(holder, role)}

    def use(self, who, role):
        self.users.add((who, role))

    def drop(self, who, role):
        self.users.discard((who, role))
        if not self.users:
            for ns, nr in self.numbers.items():
                del ns.used[nr]


def depth(ns):
    return sum(1 for _ in ns.chain())


