#!/usr/bin/env python3
"""Flawed on purpose: after the top, the search wraps to 2, never to RESERVED_PIDS (300).

The divergence of allocators that restart at 2 (or 1, or 100) once they reach pid_max: pids
below 300 come back that Linux keeps for early boot. Fails the `wrap` suite.
"""
import faithful


class Ns(faithful.Ns):
    def floor(self):
        return 1 if self.cursor <= faithful.RESERVED else 2


class Agent(faithful.Agent):
    NS = Ns


if __name__ == "__main__":
    faithful.main(Agent, "wraps-to-2")
