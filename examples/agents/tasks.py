#!/usr/bin/env python3
"""The process level of the example agents: tasks, zombies, process groups, sessions.

Written from the rules of docs/PROFILES.md and docs/AGENT-PROTOCOL.md, not from any kernel's code.
"""

from pidns import Fail


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



class Processes:
    """The process level, mixed into the agent: fork, exit, reap, setsid, setpgid, unshare, setns."""

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

