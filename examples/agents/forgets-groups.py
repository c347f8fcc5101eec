#!/usr/bin/env python3
"""Flawed on purpose: a number is free once its task is reaped, though a process group or a
session still uses it.

The most common divergence of compatibility layers: a new task gets the number of a live process
group, and a later setpgid or kill finds the wrong one. Fails the `held-numbers` suite.
"""
import faithful


class Pid(faithful.Pid):
    def use(self, who, role):
        if role == "pid":
            super().use(who, role)

    def drop(self, who, role):
        if role == "pid":
            super().drop(who, role)


class Agent(faithful.Agent):
    PID = Pid


if __name__ == "__main__":
    faithful.main(Agent, "forgets-groups")
