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
 * next_pidmap (Seed: pid.c lines 184-200), as /proc and zap_pid_ns_processes use it: walk the
 * allocated pids one call at a time, from 0 to the end and round again. A sparse map holds 1% of
 * pid_max 32768, a dense one 99%, spread at random by the steady-state churn.
 *
 * <p>Thread-confined: JMH gives each benchmark thread its own instance ({@code Scope.Thread}).
 *
 * <p>Run alone: {@code java -jar bench/target/benchmarks.jar NextBench}.
 */
@State(Scope.Thread)
public class NextBench extends SuiteDefaults {

  @Param({"model", "impl", "bitset-sync", "skiplist"})
  public String impl;

  @Param({"1", "99"})
  public int fillPercent;

  private BenchAllocator a;
  private int cursor;

  @Setup
  public void setUp() {
    int pidMax = AllocFreeBench.PID_MAX;
    a = Allocators.create(impl, Geometry.KERNEL, pidMax);
    ChurningPids held = new ChurningPids(ChurningPids.fill(a, ChurningPids.countAt(fillPercent, pidMax)), 7L);
    held.churn(a, pidMax);
  }

  @Benchmark
  public int next() {
    int pid = a.next(cursor);
    cursor = pid < 0 ? 0 : pid;
    return pid;
  }
}
