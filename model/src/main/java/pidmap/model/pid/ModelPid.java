package pidmap.model.pid;

import pidmap.spec.pid.Pid;
import pidmap.spec.pid.PidNs;

/** The model's struct pid: its numbers, their namespaces and a plain count. Not thread-safe. */
final class ModelPid implements Pid {
  final int[] nrs;
  final ModelPidNs[] nss;
  int count;
  boolean released;

  ModelPid(int[] nrs, ModelPidNs[] nss) {
    this.nrs = nrs;
    this.nss = nss;
    this.count = 1;
  }

  @Override
  public int level() {
    return nrs.length - 1;
  }

  @Override
  public int nr(int level) {
    return nrs[level];
  }

  @Override
  public PidNs ns(int level) {
    return nss[level];
  }

  /** The namespace it was allocated in, whose reference it holds. */
  ModelPidNs home() {
    return nss[nss.length - 1];
  }

  @Override
  public int count() {
    return count;
  }

  @Override
  public boolean released() {
    return released;
  }

  @Override
  public String toString() {
    return "pid " + numbers() + (released ? " (released)" : " count=" + count);
  }
}
