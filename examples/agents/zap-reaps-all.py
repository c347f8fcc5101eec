#!/usr/bin/env python3
"""Flawed on purpose: when a namespace's init exits, every task in the namespace is gone at once,
also one whose parent is outside the namespace and has not waited for it yet.

Linux kills those tasks but leaves each a zombie, holding its numbers at every level, until its
parent reaps it; the init waits in its zap until then. The suites cannot see this (they fork no
task whose parent is outside a dying namespace); `--layer-steps` does: the parent's wait finds no
child (ECHILD where Linux answers the pid).
"""
import faithful


class Agent(faithful.Agent):
    def zap(self, n):
        n.open = False
        for u in sorted((u for u in self.tasks.values() if u.pid.numbers.get(n, 0) >= 2),
                        key=lambda u: u.pid.numbers[n]):
            self.release(u)                            # the flaw: outside parents lose their zombies


if __name__ == "__main__":
    faithful.main(Agent, "zap-reaps-all")
