#!/usr/bin/env python3
"""Flawed on purpose: pid_max itself is a candidate (the range is [.., pid_max], closed).

Linux's largest pid is pid_max - 1. Fails the `pid-max-exclusive` suite.
"""
import faithful


class Ns(faithful.Ns):
    def candidates(self):
        low = self.floor()
        start = max(self.cursor, low)
        yield from range(start, self.pid_max + 1)
        if start > low:
            yield from range(low, min(start, self.pid_max + 1))


class Agent(faithful.Agent):
    NS = Ns


if __name__ == "__main__":
    faithful.main(Agent, "hands-out-pid-max")
