package pidmap.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import pidmap.bench.alt.Allocators;
import pidmap.bench.alt.BenchAllocator;
import pidmap.spec.Geometry;

/**
 * The seed's worst case (Seed: pid.c lines 17-20): pid_max 4,194,304, every pid taken but one,
 * and last_pid placed so that the search walks the whole cycle before it finds it. With
 * L = last_pid = pid_max - 2 and the free pid F = L - 1, the search tries L+1 (taken), wraps to
 * RESERVED_PIDS, and finds F only on its final pass over the last page: the seed's rule hands
 * out [R, L) after the wrap (model.SeedSearchRule), so F is found and L would not be. The impl
 * skips 127 full pages by their counters and scans the 4 KiB of the last page once.
 *
 * <p>Each operation: free F, alloc (which must answer F), reset last_pid to L; the state is the
 * same after every operation. Setup checks that alloc answers F.
 *
 * <p>Thread-confined: JMH gives each benchmark thread its own instance ({@code Scope.Thread}).
 *
 * <p>Run alone: {@code java -jar bench/target/benchmarks.jar WorstCaseBench}.
 */
@State(Scope.Thread)
@Fork(value = 3, jvmArgsAppend = "-Xmx3g")
public class WorstCaseBench extends SuiteDefaults {
  static final int PID_MAX = Geometry.MAX_PID_MAX_LIMIT;
  static final int LAST = PID_MAX - 2;
  static final int FREE = LAST - 1;

  @Param({"model", "impl", "bitset-sync", "skiplist", "floor"})
  public String impl;

  private BenchAllocator a;

  @Setup
  public void setUp() {
    a = Allocators.create(impl, Geometry.KERNEL, PID_MAX);
    for (int i = 1; i < PID_MAX; i++) {
      if (a.alloc() < 0) {
        throw new IllegalStateException(impl + ": alloc failed at " + i + " of " + PID_MAX);
      }
    }
    a.setLastPid(LAST);
    int got = allocWorstCase();
    if (got != FREE) {
      throw new IllegalStateException(impl + ": worst-case alloc answered " + got + ", not " + FREE);
    }
  }

  @Benchmark
  public int allocWorstCase() {
    int pid = a.replace(FREE);
    a.setLastPid(LAST);
    return pid;
  }
}
