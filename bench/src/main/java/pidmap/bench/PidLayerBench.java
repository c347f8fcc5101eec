package pidmap.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.model.pid.ModelPidLayer;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;

/**
 * The pid layer on the kernel's configuration (1 GiB, 4096 hash chains): alloc_pid + free_pid
 * (+ the RCU grace period that drops the hash's reference) in a namespace {@code depth} levels
 * deep, so each pid takes {@code depth} numbers (Seed: pid.c lines 218-288); and find_pid_ns
 * (lines 290-303) of a number that is hashed (hit) or free (miss), with 1000 pids held.
 *
 * <p>Thread-confined: JMH gives each benchmark thread its own instance ({@code Scope.Thread}).
 *
 * <p>Run alone: {@code java -jar bench/target/benchmarks.jar PidLayerBench}.
 */
@State(Scope.Thread)
public class PidLayerBench extends SuiteDefaults {
  static final int HELD = 1000;

  @Param({"model", "impl"})
  public String impl;

  @Param({"1", "4"})
  public int depth;

  private PidLayer layer;
  private PidNs ns;
  private final int[] hits = new int[HELD];
  private final int[] misses = new int[HELD];
  private ChurningPids index;

  @Setup
  public void setUp() {
    LayerConfig config = LayerConfig.kernel();
    layer = impl.equals("model") ? new ModelPidLayer(config) : new ImplPidLayer(config);
    ns = layer.initPidNs();
    for (int level = 1; level < depth; level++) {
      ns = layer.copyPidNs(CloneFlags.CLONE_NEWPID, ns);
    }
    for (int i = 0; i < HELD; i++) {
      hits[i] = layer.allocPid(ns).nr(depth - 1);
      misses[i] = 2 * HELD + i; // above every number held: free
    }
    for (int i = 0; i < HELD; i++) {
      if (layer.findPidNs(hits[i], ns) == null || layer.findPidNs(misses[i], ns) != null) {
        throw new IllegalStateException(impl + ": hit/miss numbers are not what they claim");
      }
    }
    index = new ChurningPids(new int[HELD], 11L);
  }

  @Benchmark
  public Pid allocFreePid() {
    Pid pid = layer.allocPid(ns);
    layer.freePid(pid);
    layer.gracePeriod();
    return pid;
  }

  @Benchmark
  public Pid findPidNsHit() {
    return layer.findPidNs(hits[index.nextIndex()], ns);
  }

  @Benchmark
  public Pid findPidNsMiss() {
    return layer.findPidNs(misses[index.nextIndex()], ns);
  }
}
