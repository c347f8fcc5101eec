package pidmap.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import pidmap.engine.layer.ForwardingPidLayer;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * The pid-layer half of the bug zoo: the impl's {@link ImplPidLayer} behind a
 * {@link ForwardingPidLayer} that re-creates one historical bug of alloc_pid or of a pid user.
 *
 * <p>As thread-safe as the layer they wrap for the calls they forward; the broken calls are
 * sequential.
 */
final class ZooLayers {
  private ZooLayers() {}

  /**
   * (7) 3.19, commit 24c037ebf572: alloc_pid took a reference on the namespace and its failure
   * path returned without dropping it, so a namespace whose alloc failed was never released.
   */
  static Function<LayerConfig, PidLayer> allocPidLeaksTheNamespaceOnFailure() {
    return c -> new ForwardingPidLayer(new ImplPidLayer(c)) {
      @Override
      public Pid allocPid(PidNs ns, int[] setTid) {
        Pid p = delegate.allocPid(ns, setTid);
        if (p == null && ns != null && !ns.released()) {
          delegate.getPidNs(ns); // the reference the failure path forgets to put
        }
        return p;
      }
    };
  }

  /**
   * (8) 4.15 to 4.19: alloc_pid's failure path gave the numbers the inner levels had taken back
   * to the innermost namespace's map instead of each to its own (Seed: pid.c 280-285 does it
   * right). The impl unwinds correctly; afterwards this wrapper undoes that for every level
   * between the innermost and the one that ran out, and frees the number in the innermost map
   * instead, which is what the buggy loop left behind. Which number a level took is its
   * last_pid, which alloc sets and free leaves alone.
   */
  static Function<LayerConfig, PidLayer> allocPidFreesInTheWrongNamespace() {
    return c -> new ForwardingPidLayer(new ImplPidLayer(c)) {
      @Override
      public Pid allocPid(PidNs ns, int[] setTid) {
        List<PidNs> chain = new ArrayList<>();
        List<Integer> lastBefore = new ArrayList<>();
        for (PidNs n = ns; n != null && !n.released(); n = n.parent()) {
          chain.add(n);
          lastBefore.add(n.pidmap().lastPid());
        }
        Pid p = delegate.allocPid(ns, setTid);
        if (p != null) {
          return p;
        }
        InspectablePidAllocator innermost = ns.pidmap();
        for (int k = 1; k < chain.size(); k++) { // k = 0 is the innermost: its free was right
          InspectablePidAllocator own = chain.get(k).pidmap();
          int nr = own.lastPid();
          if (nr == lastBefore.get(k)) {
            break; // this level ran out (or was not reached): the outer ones took nothing
          }
          retake(own, nr);
          try {
            innermost.free(nr); // idr_remove on the wrong idr; a missing id is ignored
          } catch (PidmapException ignored) {
            // the kernel's idr_remove of an id that is not there does nothing either
          }
        }
        return null;
      }
    };
  }

  /** Marks {@code nr} allocated again in {@code a} and leaves last_pid at {@code nr}. */
  private static void retake(InspectablePidAllocator a, int nr) {
    a.setLastPid(nr - 1);
    int got = a.alloc();
    if (got != nr) {
      throw new IllegalStateException("could not re-take " + nr + " (got " + got + ")");
    }
  }

  /**
   * (10) cad_pid: a put_pid with no matching get (the sysctl handler for cad_pid put the old
   * pid it had never taken a reference on), so the count underflows and a pid still in use is
   * freed. Here get_task_pid forgets its get, and the caller's put is the unmatched one.
   */
  static Function<LayerConfig, PidLayer> putPidWithoutGet() {
    return c -> new ForwardingPidLayer(new ImplPidLayer(c)) {
      @Override
      public Pid getTaskPid(Task task, PidType type) {
        return delegate.linkedPid(task, type);
      }
    };
  }
}
