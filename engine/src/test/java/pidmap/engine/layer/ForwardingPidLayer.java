package pidmap.engine.layer;

import java.util.List;
import pidmap.spec.pid.HashEntry;
import pidmap.spec.pid.LayerConfig;
import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidCache;
import pidmap.spec.pid.PidLayer;
import pidmap.spec.pid.PidNs;
import pidmap.spec.pid.PidType;
import pidmap.spec.pid.Task;

/**
 * A layer that forwards every call; broken variants override the one call they break.
 *
 * <p>As thread-safe as the layer it forwards to.
 */
public class ForwardingPidLayer implements PidLayer {
  protected final PidLayer delegate;

  public ForwardingPidLayer(PidLayer delegate) {
    this.delegate = delegate;
  }

  @Override
  public LayerConfig config() {
    return delegate.config();
  }

  @Override
  public PidNs initPidNs() {
    return delegate.initPidNs();
  }

  @Override
  public Pid initStructPid() {
    return delegate.initStructPid();
  }

  @Override
  public Task initTask() {
    return delegate.initTask();
  }

  @Override
  public Task newTask() {
    return delegate.newTask();
  }

  @Override
  public void setParent(Task child, Task parent) {
    delegate.setParent(child, parent);
  }

  @Override
  public Task parent(Task task) {
    return delegate.parent(task);
  }

  @Override
  public Pid allocPid(PidNs ns, int[] setTid) {
    return delegate.allocPid(ns, setTid);
  }

  @Override
  public void setPidMax(PidNs ns, int value) {
    delegate.setPidMax(ns, value);
  }

  @Override
  public void setLastPid(PidNs ns, int value) {
    delegate.setLastPid(ns, value);
  }

  @Override
  public void freePid(Pid pid) {
    delegate.freePid(pid);
  }

  @Override
  public Pid getPid(Pid pid) {
    return delegate.getPid(pid);
  }

  @Override
  public void putPid(Pid pid) {
    delegate.putPid(pid);
  }

  @Override
  public int gracePeriod() {
    return delegate.gracePeriod();
  }

  @Override
  public Pid findPidNs(int nr, PidNs ns) {
    return delegate.findPidNs(nr, ns);
  }

  @Override
  public void attachPid(Task task, PidType type, Pid pid) {
    delegate.attachPid(task, type, pid);
  }

  @Override
  public void detachPid(Task task, PidType type) {
    delegate.detachPid(task, type);
  }

  @Override
  public void transferPid(Task old, Task nu, PidType type) {
    delegate.transferPid(old, nu, type);
  }

  @Override
  public Task pidTask(Pid pid, PidType type) {
    return delegate.pidTask(pid, type);
  }

  @Override
  public Task findTaskByPidTypeNs(PidType type, int nr, PidNs ns) {
    return delegate.findTaskByPidTypeNs(type, nr, ns);
  }

  @Override
  public Task findTaskByPid(int nr) {
    return delegate.findTaskByPid(nr);
  }

  @Override
  public Task findTaskByVpid(PidNs current, int vnr) {
    return delegate.findTaskByVpid(current, vnr);
  }

  @Override
  public Task findTaskByPidNs(int nr, PidNs ns) {
    return delegate.findTaskByPidNs(nr, ns);
  }

  @Override
  public Pid getTaskPid(Task task, PidType type) {
    return delegate.getTaskPid(task, type);
  }

  @Override
  public Task getPidTask(Pid pid, PidType type) {
    return delegate.getPidTask(pid, type);
  }

  @Override
  public void putTaskStruct(Task task) {
    delegate.putTaskStruct(task);
  }

  @Override
  public Pid findGetPid(PidNs current, int nr) {
    return delegate.findGetPid(current, nr);
  }

  @Override
  public int pidNrNs(Pid pid, PidNs ns) {
    return delegate.pidNrNs(pid, ns);
  }

  @Override
  public Pid findGePid(int nr, PidNs ns) {
    return delegate.findGePid(nr, ns);
  }

  @Override
  public PidNs copyPidNs(long flags, PidNs old) {
    return delegate.copyPidNs(flags, old);
  }

  @Override
  public PidNs getPidNs(PidNs ns) {
    return delegate.getPidNs(ns);
  }

  @Override
  public void putPidNs(PidNs ns) {
    delegate.putPidNs(ns);
  }

  @Override
  public List<Task> zapPidNsProcesses(PidNs ns) {
    return delegate.zapPidNsProcesses(ns);
  }

  @Override
  public void setChildReaper(PidNs ns, Task task) {
    delegate.setChildReaper(ns, task);
  }

  @Override
  public boolean isContainerInit(Task task) {
    return delegate.isContainerInit(task);
  }

  @Override
  public Pid linkedPid(Task task, PidType type) {
    return delegate.linkedPid(task, type);
  }

  @Override
  public List<Task> pidTasks(Pid pid, PidType type) {
    return delegate.pidTasks(pid, type);
  }

  @Override
  public boolean isHashed(Pid pid) {
    return delegate.isHashed(pid);
  }

  @Override
  public boolean awaitingGrace(Pid pid) {
    return delegate.awaitingGrace(pid);
  }

  @Override
  public int pidhashShift() {
    return delegate.pidhashShift();
  }

  @Override
  public List<HashEntry> hashEntries() {
    return delegate.hashEntries();
  }

  @Override
  public List<PidCache> pidCaches() {
    return delegate.pidCaches();
  }

  @Override
  public int liveNamespaces() {
    return delegate.liveNamespaces();
  }
}
