#!/usr/bin/env python3
"""Flawed on purpose: when nothing is free, the agent dies (a kernel would panic).

The kit reports a crash with the exit status and the last words on stderr. Fails the
`exhaustion` suite.
"""
import faithful


class Ns(faithful.Ns):
    def full(self):
        raise SystemExit("panic: out of pids")


class Agent(faithful.Agent):
    NS = Ns


if __name__ == "__main__":
    faithful.main(Agent, "panics-when-full")
