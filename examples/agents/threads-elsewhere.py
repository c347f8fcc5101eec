#!/usr/bin/env python3
"""Flawed on purpose: thread ids come from a number space of their own, above every pid.

Linux has one space for pids and tids. Fails the `thread-ids` suite.
"""
import faithful

THREAD_BASE = 1 << 20


class Agent(faithful.Agent):
    def __init__(self):
        super().__init__()
        self.next_tid = THREAD_BASE

    def fork(self, child, parent, flags="", set_tid=""):
        if "CLONE_THREAD" not in flags:
            return super().fork(child, parent, flags, set_tid)
        reply = super().fork(child, parent, "", set_tid)
        self.next_tid += 1
        return "pids %d" % self.next_tid


if __name__ == "__main__":
    faithful.main(Agent, "threads-elsewhere")
