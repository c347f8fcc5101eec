package pidmap.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;
import pidmap.bench.alt.Allocators;
import pidmap.bench.alt.BenchAllocator;
import pidmap.spec.Geometry;

/**
 * alloc+free in steady state from two threads on one shared map (the seed's lockless claim,
 * lines 16-20 and 151-156): each thread frees a random pid of its own half of the held pids and
 * allocates one. The model is sequential and is not run here. Scores are per operation of one
 * thread (JMH's average time), so a perfectly scaling allocator scores what it scores alone.
 *
 * <p>Thread-safety: the allocator in {@link Shared} is shared by both threads on purpose (only
 * thread-safe implementations are listed); {@link Mine} is thread-confined.
 *
 * <p>Run alone: {@code java -jar bench/target/benchmarks.jar AllocFreeTwoThreadsBench}.
 */
@Threads(2)
public class AllocFreeTwoThreadsBench extends SuiteDefaults {
  static final int THREADS = 2;

  /** The map both threads share, filled and spread by one thread before they start. */
  @State(Scope.Benchmark)
  public static class Shared {
    @Param({"impl", "impl-cas", "bitset-sync", "skiplist", "floor"})
    public String impl;

    @Param({"1", "50"})
    public int fillPercent;

    BenchAllocator a;
    ChurningPids all;

    @Setup
    public void setUp() {
      int pidMax = AllocFreeBench.PID_MAX;
      a = Allocators.create(impl, Geometry.KERNEL, pidMax);
      all = new ChurningPids(ChurningPids.fill(a, ChurningPids.countAt(fillPercent, pidMax)), 20080124L);
      all.churn(a, pidMax);
    }
  }

  /** One thread's half of the held pids. */
  @State(Scope.Thread)
  public static class Mine {
    ChurningPids held;

    @Setup
    public void setUp(Shared s, ThreadParams t) {
      held = new ChurningPids(s.all.slice(t.getThreadIndex(), THREADS), 31L + t.getThreadIndex());
    }
  }

  @Benchmark
  public int allocFree(Shared s, Mine m) {
    return m.held.step(s.a);
  }
}
