package pidmap.bench.alt;

/**
 * The part of an allocator the benchmarks drive: what the model, the impl, the two alternatives a
 * user would write instead, and the atomic floor all offer. pid_max is fixed at construction;
 * last_pid can be set, as a write to ns_last_pid does.
 *
 * <p>Thread-safety is each implementation's to state; the benchmarks that run two threads use
 * only those that say they are thread-safe.
 */
public interface BenchAllocator {

  /** The implementation's name as tables and plots show it, e.g. {@code impl}. */
  String name();

  /** alloc_pidmap: a free pid by the seed's rule, or -1 when none is free. */
  int alloc();

  /** free_pidmap: gives {@code pid} back; refuses a pid that is not allocated. */
  void free(int pid);

  /** The steady-state step of the benchmarks: free {@code pid}, then alloc one; the new pid. */
  default int replace(int pid) {
    free(pid);
    return alloc();
  }

  /** next_pidmap: the smallest allocated pid above {@code last}, or -1. */
  int next(int last);

  /** Sets last_pid, in [0, pid_max]. */
  void setLastPid(int lastPid);

  /** The object whose reachable graph is this allocator's memory (a wrapper answers its inner). */
  default Object footprintRoot() {
    return this;
  }
}
