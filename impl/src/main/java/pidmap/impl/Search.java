package pidmap.impl;

/**
 * A profile's search over the pages: takes a free pid by the profile's rule, from the pid_max
 * and last_pid the alloc read at its start, and answers it or NO_PID. Recording last_pid is the
 * caller's ({@link LastPidUpdate}). As thread-safe as its {@link Pages}.
 */
interface Search {
  int take(int pidMax, int lastPid);
}
