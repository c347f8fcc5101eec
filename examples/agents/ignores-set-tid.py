#!/usr/bin/env python3
"""Flawed on purpose: clone3's set_tid is ignored; the child gets an ordinary pid.

Fails the `set-tid` suite.
"""
import faithful


class Agent(faithful.Agent):
    def fork(self, child, parent, flags="", set_tid=""):
        return super().fork(child, parent, flags)


if __name__ == "__main__":
    faithful.main(Agent, "ignores-set-tid")
