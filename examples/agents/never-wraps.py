#!/usr/bin/env python3
"""Flawed on purpose: the search never wraps; at the top every alloc fails with EAGAIN.

The divergence of allocators that only count up. Fails the `wrap` suite.
"""
import faithful


class Ns(faithful.Ns):
    def candidates(self):
        yield from range(max(self.cursor, self.floor()), self.pid_max)


class Agent(faithful.Agent):
    NS = Ns


if __name__ == "__main__":
    faithful.main(Agent, "never-wraps")
