#!/usr/bin/env python3
"""A pidmap agent that hands out pids as Linux 6 does, at both levels of docs/AGENT-PROTOCOL.md.

Written from the rules of docs/PROFILES.md and docs/CONFORMANCE.md, not from any kernel's code.
The namespaces and the allocator rule are in pidns.py, the process level in tasks.py; the
flawed agents beside this file import it and change one rule each.
"""
import sys

from pidns import DEFAULT, LIMIT, RESERVED, Fail, Ns, Pid, depth  # noqa: F401 (the flawed agents use them)
from tasks import Processes, Task

class Agent(Processes):
    NS, PID = Ns, Pid
    OPS = "alloc,free,next,set_last,set_pid_max,get_last,get_pid_max,fork,exit,reap,setsid,setpgid,unshare,setns,reset"

    def reset(self):                                   # back to a fresh namespace
        self.__init__()
        return "ok"

    def __init__(self):
        self.root = self.NS(None, DEFAULT)
        init = self.new_task("t1", self.root, None, ())
        init.link("pgrp", init.pid)
        init.link("session", init.pid)
        init.session_leader = True
        self.tasks, self.holders = {"t1": init}, {}

    def alloc_pid(self, ns, set_tid):
        chain, taken = list(ns.chain()), []
        try:
            if len(set_tid) > len(chain):
                raise Fail("EINVAL")
            for i, level in enumerate(chain):          # innermost first, as clone3's set_tid
                if i < len(set_tid):
                    nr = self.requested(level, set_tid[i])
                else:
                    nr = level.take()
                level.used[nr] = None
                taken.append((level, nr))
            if not ns.open:
                raise Fail("ENOMEM")
        except Fail:
            for level, nr in taken:
                del level.used[nr]
            if not ns.used:                            # a failed first pid starts the namespace over
                ns.cursor = 0
            raise
        pid = self.PID(dict(taken))
        for level, nr in taken:
            level.used[nr] = pid
        return pid

    def requested(self, ns, tid):
        if tid < 1 or tid >= ns.pid_max or (tid != 1 and ns.init is None):
            raise Fail("EINVAL")
        if tid in ns.used:
            raise Fail("EEXIST")
        return tid                                     # the cursor does not move

    def new_task(self, name, ns, parent, set_tid, leader=None):
        task = Task(name, self.alloc_pid(ns, set_tid), ns, parent, leader)
        task.pid.use(task, "pid")
        if ns.init is None and task.pid.numbers[ns] == 1:
            ns.init = task
        return task

    def numbers(self, pid):
        return "/".join(str(nr) for ns, nr in sorted(pid.numbers.items(), key=lambda e: depth(e[0])))

    # ---- the allocator level, and the sysctls of any namespace ----

    def ns_of(self, kw):
        return self.live(kw["in"]).ns if "in" in kw else self.root

    def alloc(self):
        pid = self.alloc_pid(self.root, ())
        self.holders[pid.numbers[self.root]] = pid
        pid.use("holder", "pid")
        return "pid %d" % pid.numbers[self.root]

    def free(self, nr):
        if int(nr) not in self.holders:
            raise Fail("EINVAL")
        self.holders.pop(int(nr)).drop("holder", "pid")
        return "ok"

    def next(self, after):
        if not 0 <= int(after) < LIMIT:
            raise Fail("EINVAL")
        return "pid %d" % min((n for n in self.root.used if n > int(after)), default=-1)

    def set_last(self, value, **kw):
        ns = self.ns_of(kw)
        if not 0 <= int(value) <= ns.pid_max:
            raise Fail("EINVAL")
        ns.cursor = int(value) + 1
        return "ok"

    def set_pid_max(self, value, **kw):
        if not RESERVED < int(value) <= LIMIT:
            raise Fail("EINVAL")
        self.ns_of(kw).pid_max = int(value)
        return "ok"

    def get_last(self, **kw):
        return "value %d" % (self.ns_of(kw).cursor - 1)

    def get_pid_max(self, **kw):
        return "value %d" % self.ns_of(kw).pid_max


def main(agent_class=Agent, name="faithful-linux-6"):
    agent = agent_class()
    print("hello protocol=1 agent=%s ops=%s features=CLONE_NEWPID,CLONE_THREAD,set_tid,in pid_max=%d"
          % (name, agent.OPS, agent.root.pid_max), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        args = [w for w in words[1:] if "=" not in w]
        kw = dict(w.split("=", 1) for w in words[1:] if "=" in w)
        try:
            if words[0] not in agent.OPS.split(","):
                raise LookupError("unknown request " + words[0])
            reply = getattr(agent, words[0])(*args, **kw)
        except Fail as e:
            reply = "errno " + str(e)
        except (LookupError, TypeError, ValueError) as e:
            reply = "error " + str(e)
        print(reply, flush=True)


if __name__ == "__main__":
    main()
