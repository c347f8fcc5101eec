package pidmap.engine.layer;

import java.util.List;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;
import pidmap.trace.layer.LayerOp;

/** One side's step, as the invariants of the catalog read it. Not thread-safe: read it on the engine's thread. */
final class DriverStep implements LayerStep {
  private final LayerDriver d;
  private final LayerOp op;
  private final String outcome;
  private final boolean unchanged;
  private List<Pid> live;

  DriverStep(LayerDriver d, LayerOp op, String outcome, boolean unchanged) {
    this.d = d;
    this.op = op;
    this.outcome = outcome;
    this.unchanged = unchanged;
  }

  @Override
  public String op() {
    return op.toJson();
  }

  @Override
  public String outcome() {
    return outcome;
  }

  @Override
  public String nameOf(Object handle) {
    return d.symbols.nameOf(handle);
  }

  @Override
  public boolean refused() {
    return d.refused;
  }

  @Override
  public PidLayer layer() {
    return d.layer;
  }

  @Override
  public List<? extends Pid> pids() {
    return d.symbols.pids;
  }

  @Override
  public List<? extends Pid> livePids() {
    if (live == null) {
      live = new java.util.ArrayList<>();
      for (Pid p : d.symbols.pids) {
        if (!p.released()) {
          live.add(p);
        }
      }
    }
    return live;
  }

  @Override
  public List<? extends PidNs> namespaces() {
    return d.symbols.namespaces;
  }

  @Override
  public List<? extends Task> tasks() {
    return d.symbols.tasks;
  }

  @Override
  public List<? extends Task> unreaped() {
    return d.processes.unreaped();
  }

  @Override
  public boolean zombie(Task task) {
    return d.processes.dead(task);
  }

  @Override
  public int pidRefsHeld(Pid pid) {
    return d.held(d.pidRefs, pid);
  }

  @Override
  public int nsRefsHeld(PidNs ns) {
    return d.held(d.nsRefs, ns) + d.processes.nsproxiesOn(ns);
  }

  @Override
  public int taskRefsHeld(Task task) {
    return d.held(d.taskRefs, task);
  }

  @Override
  public boolean stateUnchanged() {
    return unchanged;
  }

  @Override
  public PidNs zapped() {
    return d.zapped;
  }

  @Override
  public boolean afterTeardown() {
    return d.afterTeardown;
  }
}
