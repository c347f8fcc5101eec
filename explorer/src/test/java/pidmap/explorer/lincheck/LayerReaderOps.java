package pidmap.explorer.lincheck;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.Geometry;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;

/**
 * The pid layer's writers and its lock-free readers as Lincheck operations, in init_pid_ns of
 * {@link AllocFreeOps#TWO_PAGES}: {@code fork} is alloc_pid (the pid is hashed when it returns)
 * and answers the pid's number or -1; {@code exit} is free_pid of the pid forked with that
 * number (true) or nothing (false); {@code find} is find_pid_ns, the hash walk without a lock,
 * and answers the number of the pid it found, -1 for none, or -2 for a pid that is not the
 * number asked for or is released. The verifier treats fork and exit as alloc and free.
 */
@Param(name = "nr", gen = IntGen.class, conf = "1:7")
public class LayerReaderOps {
  private final PidLayer layer;
  private final AtomicReferenceArray<Pid> byNr = new AtomicReferenceArray<>(8);

  public LayerReaderOps() {
    this(ImplPidLayer::new);
  }

  protected LayerReaderOps(Function<LayerConfig, PidLayer> layer) {
    this.layer = layer.apply(new LayerConfig(AllocFreeOps.TWO_PAGES, Profile.LINUX_2_6_24, 0,
        List.of()));
  }

  /** The small geometry the layer runs on. */
  static Geometry geometry() {
    return AllocFreeOps.TWO_PAGES;
  }

  @Operation
  public int fork() {
    Pid p = layer.allocPid(layer.initPidNs());
    if (p == null) {
      return -1;
    }
    byNr.set(p.nr(0), p);
    return p.nr(0);
  }

  @Operation
  public boolean exit(@Param(name = "nr") int nr) {
    Pid p = byNr.getAndSet(nr, null);
    if (p == null) {
      return false;
    }
    try {
      layer.freePid(p);
      return true;
    } catch (PidmapException e) {
      return false;
    }
  }

  @Operation
  public int find(@Param(name = "nr") int nr) {
    Pid p = layer.findPidNs(nr, layer.initPidNs());
    if (p == null) {
      return -1;
    }
    return p.nr(0) == nr && p.level() == 0 && !p.released() ? nr : -2;
  }
}
