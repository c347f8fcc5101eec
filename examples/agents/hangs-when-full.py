#!/usr/bin/env python3
"""Flawed on purpose: when nothing is free, alloc waits for a pid to come free, forever.

Linux fails at once with EAGAIN. The kit kills the agent after --timeout-ms and reports a hang.
Fails the `exhaustion` suite.
"""
import time

import faithful


class Ns(faithful.Ns):
    def full(self):
        while True:
            time.sleep(1)


class Agent(faithful.Agent):
    NS = Ns


if __name__ == "__main__":
    faithful.main(Agent, "hangs-when-full")
