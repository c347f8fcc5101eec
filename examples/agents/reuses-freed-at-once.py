#!/usr/bin/env python3
"""Flawed on purpose: a freed number is handed out again at once, the lowest first.

Allocators with a free list (or a bitmap searched from the bottom) reuse a pid the moment it is
freed; Linux goes on from last_pid + 1. Fails the `cursor` suite.
"""
import faithful


class Ns(faithful.Ns):
    def __init__(self, parent, pid_max=faithful.LIMIT):
        super().__init__(parent, pid_max)
        self.freed = set()

    def take(self):
        for nr in sorted(self.freed):
            self.freed.discard(nr)
            if nr not in self.used and nr < self.pid_max:
                self.cursor = nr + 1
                return nr
        return super().take()


class Pid(faithful.Pid):
    def drop(self, who, role):
        super().drop(who, role)
        if not self.users:
            for ns, nr in self.numbers.items():
                if hasattr(ns, "freed"):
                    ns.freed.add(nr)


class Agent(faithful.Agent):
    NS, PID = Ns, Pid


if __name__ == "__main__":
    faithful.main(Agent, "reuses-freed-at-once")
