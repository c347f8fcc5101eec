#!/usr/bin/env python3
"""The process level of the example agents: tasks, zombies, process groups, sessions.

Written from the rules of docs/PROFILES.md and docs/AGENT-PROTOCOL.md, not from any kernel's code.
"""

from pidns import Fail, depth


class Task:
    def __init__(self, name, pid, ns, parent, leader=None):
        self.name, self.pid, self.ns, self.for_children, self.parent = name, pid, ns, ns, parent
        self.leader, self.threads, self.zombie, self.session_leader = leader or self, [], False, False
        self.pgrp = self.session = None
        self.exiting = False      # an init that exited but waits in its zap until its namespace empties
        self.reaped_when_done = False   # ... and is then reaped at once (its parent was inside)
        self.released = False

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
        if t.leader is not t:                          # a thread exits alone and is released
            t.leader.threads.remove(t)
            self.release(t)
            return "ok"
        for th in list(t.threads):                     # exit_group: the threads go at once
            self.release(th)
        t.threads = []
        leads = t.ns.init is t and t.ns.parent is not None
        if leads:
            self.zap(t.ns)
        self.finish(t)
        if not leads:
            self.reparent(t)
        self.settle()
        return "ok"

    def finish(self, t):
        """The end of do_exit: an init whose namespace still holds a number waits in its zap."""
        if self.waits_in_its_zap(t):
            t.exiting = True
        else:
            t.zombie = True

    def waits_in_its_zap(self, t):
        return t.ns.parent is not None and t.pid.numbers.get(t.ns) == 1 and any(
            nr != 1 for nr in t.ns.used)

    def zap(self, n):
        """The namespace's init exits: no more forks into it; every task with a number in it is
        killed. The init reaps at once each victim whose parent was inside (or a thread); a
        victim whose parent is outside stays a zombie for that parent; an inner init zaps its own
        namespace first and waits there (docs/PID_LAYER.md)."""
        n.open = False
        victims = sorted((u for u in self.tasks.values() if u.pid.numbers.get(n, 0) >= 2),
                         key=lambda u: u.pid.numbers[n])
        inside = {u.name: u.leader is not u or u.parent is None or n in u.parent.pid.numbers
                  for u in victims}

        def inner_init(u):
            return u.ns is not n and u.pid.numbers.get(u.ns) == 1

        for u in victims:
            if inside[u.name] and not inner_init(u):
                self.release(u)
        for u in sorted((u for u in victims if inside[u.name] and inner_init(u)),
                        key=lambda u: -depth(u.ns)):
            if not any(nr != 1 for nr in u.ns.used):
                self.release(u)
        for u in victims:
            if u.released:
                continue
            if not (u.zombie or u.exiting) and u.ns.init is u and u.ns is not n:
                self.zap(u.ns)                         # a live inner init zaps its own first
            u.zombie = u.exiting = False
            if self.waits_in_its_zap(u):
                u.exiting = True
                u.reaped_when_done = inside[u.name]
            else:
                u.zombie = True

    def settle(self):
        """An exiting init whose namespace has emptied finishes: reaped at once if its parent
        was inside (or is itself an init waiting in its zap), else a zombie."""
        changed = True
        while changed:
            changed = False
            for t in list(self.tasks.values()):
                if t.exiting and not self.waits_in_its_zap(t):
                    t.exiting = False
                    changed = True
                    if t.reaped_when_done or (t.parent is not None and t.parent.exiting):
                        self.release(t)
                    else:
                        t.zombie = True

    def reparent(self, t):
        """forget_original_parent: the children go to the child reaper of t's namespace."""
        reaper = t.ns.init if t.ns.parent is not None else self.tasks.get("t1")
        if reaper is None or reaper.name not in self.tasks or reaper.zombie or reaper.exiting:
            reaper = self.tasks["t1"]
        if reaper is t:
            return
        for c in self.tasks.values():
            if c is not t and c.parent is t:
                c.parent = reaper

    def reap(self, parent, child):
        p, c = self.live(parent).leader, self.tasks.get(child)
        if c is None or c.parent is not p or c.leader is not c:
            raise Fail("ECHILD")
        if not c.zombie:
            return "pid 0"
        self.release(c)
        self.settle()
        return "pid %d" % c.pid.numbers.get(p.ns, 0)

    def release(self, t):
        if t.released:
            return
        t.released = True
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
        t, target = self.live(name), self.tasks.get(other)
        if target is None:                             # a zombie's namespace can still be joined
            raise LookupError("no task " + other)
        target = target.ns
        if t.ns not in target.chain():
            raise Fail("EINVAL")
        t.for_children = target
        return "ok"

    def live(self, name):
        t = self.tasks.get(name)
        if t is None or t.zombie or t.exiting:
            raise LookupError("no live task " + name)
        return t

