package pidmap.engine.layer;

import java.util.List;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.Task;

/**
 * One executed step of the pid layer as an invariant sees it: the operation, its answer, the
 * layer after it, and the checker's own ledger of what it holds (references it took, the
 * namespace each live task's nsproxy holds), kept from the answers alone, independent of the
 * layer being checked.
 */
public interface LayerStep {

  /** The operation, as one trace line. */
  String op();

  /** What it answered. */
  String outcome();

  /** The checker's name for a pid, namespace or task ({@code p7}, {@code n3}, {@code t5}), or "null". */
  String nameOf(Object handle);

  /** Whether the layer refused the operation as bad input. */
  boolean refused();

  /** The layer, after the step. */
  PidLayer layer();

  /** Every pid the checker has seen, released ones too; init_struct_pid first. */
  List<? extends Pid> pids();

  /** The pids of {@link #pids()} that are not released, in the same order. */
  default List<? extends Pid> livePids() {
    return pids().stream().filter(p -> !p.released()).toList();
  }

  /** Every namespace the checker has seen, released ones too; init_pid_ns first. */
  List<? extends PidNs> namespaces();

  /** Every task the checker has made; the idle task first. */
  List<? extends Task> tasks();

  /**
   * The tasks the checker's process ledger holds as not yet reaped: running ones (the idle task
   * first), exiting inits (linux-6: waiting in their zap) and zombies.
   */
  List<? extends Task> unreaped();

  /** Whether the ledger holds {@code task} as exited and not reaped: a zombie or an exiting init. */
  boolean zombie(Task task);

  /** References to {@code pid} the checker took (get_pid, get_task_pid, find_get_pid) and holds. */
  int pidRefsHeld(Pid pid);

  /** References to {@code ns} held by live tasks' nsproxies and by the checker itself. */
  int nsRefsHeld(PidNs ns);

  /** Usage references to {@code task} the checker took with get_pid_task and holds. */
  int taskRefsHeld(Task task);

  /** Whether the observable state after the step equals the state before it. */
  boolean stateUnchanged();

  /** The namespace this step zapped, or null. */
  PidNs zapped();

  /** Whether this step is the leak check after every task exited and every reference was put. */
  boolean afterTeardown();
}
