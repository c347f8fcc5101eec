#!/usr/bin/env python3
"""A pidmap agent that hands out pids as Linux 6 does, at both levels of docs/AGENT-PROTOCOL.md.

Written from the rules of docs/PROFILES.md and docs/CONFORMANCE.md, not from any kernel's code.
Each PID namespace has its own numbers, cursor (ns_last_pid + 1) and pid_max; a number stays
taken while a task, a zombie, a process group or a session uses it. The flawed agents beside this
file import it and change one rule each.
"""
import sys
import time

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


class Task:
    def __init__(self, name, pid, ns, parent, leader=None):
        self.name, self.pid, self.ns, self.for_children, self.parent = name, pid, ns, ns, parent
        self.leader, self.threads, self.zombie, self.session_leader = leader or self, [], False, False
        self.pgrp = self.session = None

    def link(self, role, pid):
        old = getattr(self, role)
        setattr(self, role, pid)
        pid.use(self, role)
        if old is not None and old is not pid:
            old.drop(self, role)


class Agent:
    NS = Ns
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
        pid = Pid(dict(taken))
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

    # ---- the process level ----

    def fork(self, child, parent, flags="", set_tid=""):
        p, flags = self.live(parent), set(flags.split("|")) - {""}
        tids = [int(t) for t in set_tid.split(",") if t]
        if child in self.tasks or {"CLONE_NEWPID", "CLONE_THREAD"} <= flags:
            raise Fail("EINVAL")
        ns = p.for_children
        if flags & {"CLONE_NEWPID", "CLONE_THREAD"} and ns is not p.ns:
            raise Fail("EINVAL")
        if "CLONE_NEWPID" in flags:
            ns = self.NS(ns)
        g = p.leader
        if "CLONE_THREAD" in flags:
            t = self.new_task(child, ns, g.parent, tids, g)
            g.threads.append(t)
        else:
            t = self.new_task(child, ns, g, tids)
        t.link("pgrp", g.pgrp)
        t.link("session", g.session)
        self.tasks[child] = t
        return "pids " + self.numbers(t.pid)

    def exit(self, name):
        t = self.live(name)
        if t is self.tasks["t1"]:
            return "error the root namespace's init does not exit"
        if t.leader is not t:
            t.leader.threads.remove(t)
            self.release(t)
            return "ok"
        for th in list(t.threads):
            self.release(th)
        t.threads, t.zombie = [], True
        if t.ns.init is t:                             # init exits: the namespace dies with it
            t.ns.open = False
            for other in list(self.tasks.values()):
                if other is not t and t.ns in other.pid.numbers and other.name in self.tasks:
                    self.release(other)
        for c in self.tasks.values():
            if c.parent is t:
                c.parent = t.ns.init if t.ns.init is not t else t.parent
        return "ok"

    def reap(self, parent, child):
        p, c = self.live(parent).leader, self.tasks.get(child)
        if c is None or c.parent is not p or c.leader is not c:
            raise Fail("ECHILD")
        if not c.zombie:
            return "pid 0"
        self.release(c)
        return "pid %d" % c.pid.numbers.get(p.ns, 0)

    def release(self, t):
        for th in t.threads:
            self.release(th)
        for role in ("pid", "pgrp", "session"):
            if getattr(t, role) is not None:
                getattr(t, role).drop(t, role)
        if t.ns.init is t:
            t.ns.open = False
        self.tasks.pop(t.name, None)

    def setsid(self, name):
        g = self.live(name).leader
        if any(role == "pgrp" for _, role in g.pid.users):
            raise Fail("EPERM")
        g.link("session", g.pid)
        g.link("pgrp", g.pid)
        g.session_leader = True
        return "pid %d" % g.pid.numbers[g.ns]

    def setpgid(self, name, pid, pgid):
        g = self.live(name).leader
        pid, pgid = int(pid) or g.pid.numbers[g.ns], int(pgid)
        pgid = pgid or pid
        if pgid < 0:
            raise Fail("EINVAL")
        p = self.find(g.ns, pid)
        if p is None:
            raise Fail("ESRCH")
        if p.leader is not p:
            raise Fail("EINVAL")
        if p.parent is g and p.session is not g.session:
            raise Fail("EPERM")
        if p.parent is not g and p is not g:
            raise Fail("ESRCH")
        if p.session_leader:
            raise Fail("EPERM")
        group = p.pid
        if pgid != pid:
            group = g.ns.used.get(pgid)
            members = [u for u, role in group.users if role == "pgrp"] if group else []
            if not members or members[0].session is not g.session:
                raise Fail("EPERM")
        p.link("pgrp", group)
        return "ok"

    def find(self, ns, nr):
        pid = ns.used.get(nr)
        return next((u for u, role in pid.users if role == "pid"), None) if pid else None

    def unshare(self, name):
        t = self.live(name)
        if t.for_children is not t.ns:
            raise Fail("EINVAL")
        t.for_children = self.NS(t.ns)
        return "ok"

    def setns(self, name, other):
        t, target = self.live(name), self.live(other).ns
        if t.ns not in target.chain():
            raise Fail("EINVAL")
        t.for_children = target
        return "ok"

    def live(self, name):
        t = self.tasks.get(name)
        if t is None or t.zombie:
            raise LookupError("no live task " + name)
        return t

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


def depth(ns):
    return sum(1 for _ in ns.chain())


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
