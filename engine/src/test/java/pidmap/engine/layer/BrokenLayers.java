package pidmap.engine.layer;

import java.util.ArrayList;
import java.util.List;
import pidmap.impl.pid.ImplPidLayer;
import pidmap.spec.pid.CloneFlags;
import pidmap.spec.pid.HashEntry;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidHashing;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * The broken twins of the pid layer's invariants: the impl's {@link ImplPidLayer} behind a
 * {@link ForwardingPidLayer} that gets one thing wrong, each named for its bug so that a
 * {@code @CatchesTwin} mark can name it by class. {@code BrokenLayersAreCaughtTest} runs the
 * layer's property against each. As thread-safe as the layer for the calls they forward; the
 * broken calls are sequential.
 */
final class BrokenLayers {
  private BrokenLayers() {}

  /** find_pid_ns finds nothing below the root namespace (PID-1). */
  static final class FindPidNsMissesNumbersBelowTheRoot extends ForwardingPidLayer {
    FindPidNsMissesNumbersBelowTheRoot(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public Pid findPidNs(int nr, PidNs ns) {
      return ns.level() > 0 ? null : delegate.findPidNs(nr, ns);
    }
  }

  /** pid_nr_ns answers the number at the namespace's level without checking the namespace (PID-2). */
  static final class PidNrNsIgnoresTheNamespace extends ForwardingPidLayer {
    PidNrNsIgnoresTheNamespace(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public int pidNrNs(Pid pid, PidNs ns) {
      return pid != null && ns.level() <= pid.level() ? pid.nr(ns.level())
          : delegate.pidNrNs(pid, ns);
    }
  }

  /** put_pid never drops the last reference (PID-3). */
  static final class PutPidNeverReleases extends ForwardingPidLayer {
    PutPidNeverReleases(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public void putPid(Pid pid) {
      if (pid == null || pid.count() > 1 || pid.released()) {
        delegate.putPid(pid);
      }
    }
  }

  /** alloc_pid takes one more number in the namespace than its pid has (NS-1). */
  static final class AllocPidTakesAStrayNumber extends ForwardingPidLayer {
    AllocPidTakesAStrayNumber(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public Pid allocPid(PidNs ns, int[] setTid) {
      Pid p = delegate.allocPid(ns, setTid);
      if (p != null) {
        ns.pidmap().alloc();
      }
      return p;
    }
  }

  /** copy_pid_ns takes one reference on the new namespace too many (NS-2). */
  static final class CopyPidNsTakesOneReferenceTooMany extends ForwardingPidLayer {
    CopyPidNsTakesOneReferenceTooMany(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public PidNs copyPidNs(long flags, PidNs old) {
      PidNs n = delegate.copyPidNs(flags, old);
      delegate.getPidNs(n);
      return n;
    }
  }

  /** get_pid takes no reference: the caller's put is then one too many (REF-1). */
  static final class GetPidTakesNoReference extends ForwardingPidLayer {
    GetPidTakesNoReference(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public Pid getPid(Pid pid) {
      return pid;
    }
  }

  /** get_pid_task takes no reference on the task (REF-2). */
  static final class GetPidTaskTakesNoReference extends ForwardingPidLayer {
    GetPidTaskTakesNoReference(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public Task getPidTask(Pid pid, PidType type) {
      return delegate.pidTask(pid, type);
    }
  }

  /** A pid's task list shows its first task twice (LINK-1). */
  static final class TaskListsATaskTwice extends ForwardingPidLayer {
    TaskListsATaskTwice(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public List<Task> pidTasks(Pid pid, PidType type) {
      List<Task> tasks = new ArrayList<>(delegate.pidTasks(pid, type));
      if (!tasks.isEmpty()) {
        tasks.add(tasks.get(0));
      }
      return tasks;
    }
  }

  /** pid_hashfn forgets the namespace: every number sits on the chain of the number alone (HASH-1). */
  static final class HashPlacesByNumberAlone extends ForwardingPidLayer {
    HashPlacesByNumberAlone(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public List<HashEntry> hashEntries() {
      int shift = delegate.pidhashShift();
      return delegate.hashEntries().stream()
          .map(e -> new HashEntry(PidHashing.hashLong(e.nr(), shift), e.nr(), e.ns(), e.pid()))
          .toList();
    }
  }

  /** The hash holds every root number twice (HASH-2). */
  static final class HashHoldsRootNumbersTwice extends ForwardingPidLayer {
    HashHoldsRootNumbersTwice(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public List<HashEntry> hashEntries() {
      List<HashEntry> entries = new ArrayList<>(delegate.hashEntries());
      for (HashEntry e : delegate.hashEntries()) {
        if (e.ns() == delegate.initPidNs()) {
          entries.add(e);
        }
      }
      return entries;
    }
  }

  /** The pid caches count one live object more than there is (CACHE-1). */
  static final class CachesCountOneTooMany extends ForwardingPidLayer {
    CachesCountOneTooMany(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public List<PidCache> pidCaches() {
      return delegate.pidCaches().stream()
          .map(p -> new PidCache(p.name(), p.nrIds(), p.liveObjects() + 1)).toList();
    }
  }

  /** zap_pid_ns_processes leaves the child reaper in place (ZAP-1). */
  static final class ZapKeepsTheChildReaper extends ForwardingPidLayer {
    ZapKeepsTheChildReaper(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public List<Task> zapPidNsProcesses(PidNs ns) {
      Task reaper = ns.childReaper();
      List<Task> killed = delegate.zapPidNsProcesses(ns);
      if (reaper != null) {
        delegate.setChildReaper(ns, reaper);
      }
      return killed;
    }
  }

  /** is_container_init looks at the root number instead of the deepest (INIT-1). */
  static final class ContainerInitLooksAtTheRootNumber extends ForwardingPidLayer {
    ContainerInitLooksAtTheRootNumber(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public boolean isContainerInit(Task task) {
      Pid p = delegate.linkedPid(task, PidType.PID);
      return p != null && p.nr(0) == 1;
    }
  }

  /** find_ge_pid finds only a pid with exactly that number (LOOKUP-1). */
  static final class FindGePidFindsOnlyExactNumbers extends ForwardingPidLayer {
    FindGePidFindsOnlyExactNumbers(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public Pid findGePid(int nr, PidNs ns) {
      return delegate.findPidNs(nr, ns);
    }
  }

  /** A copy_pid_ns that is refused (CLONE_THREAD) first moves init_pid_ns's last_pid (INPUT-2). */
  static final class RefusedCopyPidNsMovesLastPid extends ForwardingPidLayer {
    RefusedCopyPidNsMovesLastPid(LayerConfig c) {
      super(new ImplPidLayer(c));
    }

    @Override
    public PidNs copyPidNs(long flags, PidNs old) {
      if ((flags & CloneFlags.CLONE_NEWPID) != 0 && (flags & CloneFlags.CLONE_THREAD) != 0) {
        var map = delegate.initPidNs().pidmap();
        map.setLastPid(map.lastPid() == 0 ? 1 : 0);
      }
      return delegate.copyPidNs(flags, old);
    }
  }
}
