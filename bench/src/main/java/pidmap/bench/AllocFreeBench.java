package pidmap.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import pidmap.bench.alt.Allocators;
import pidmap.bench.alt.BenchAllocator;
import pidmap.spec.Geometry;

/**
 * alloc+free in steady state, one thread: the map holds {@code fillPercent}% of pid_max 32768,
 * and each operation frees a random held pid and allocates one (Seed: pid.c lines 115-182). The
 * floor does the same four atomic operations without a search; its time is what the impl's fast
 * path cannot go below.
 *
 * <p>Thread-confined: JMH gives each benchmark thread its own instance ({@code Scope.Thread}).
 *
 * <p>Run alone: {@code java -jar bench/target/benchmarks.jar AllocFreeBench}.
 */
@State(Scope.Thread)
public class AllocFreeBench extends SuiteDefaults {
  static final int PID_MAX = 32768;

  @Param({"model", "impl", "impl-cas", "bitset-sync", "skiplist", "floor+vstore", "floor"})
  public String impl;

  @Param({"1", "50", "99"})
  public int fillPercent;

  private BenchAllocator a;
  private ChurningPids held;

  @Setup
  public void setUp() {
    a = Allocators.create(impl, Geometry.KERNEL, PID_MAX);
    held = new ChurningPids(ChurningPids.fill(a, ChurningPids.countAt(fillPercent, PID_MAX)), 20080124L);
    held.churn(a, PID_MAX); // one cycle of last_pid at least: the held set is spread at random
  }

  @Benchmark
  public int allocFree() {
    return held.step(a);
  }
}
