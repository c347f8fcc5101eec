package pidmap.impl.pid;

/**
 * struct upid: one number of a pid in one namespace, and its place on a hash chain.
 *
 * <p>Thread-safety: the three identity fields are final; {@link #next} is written only under
 * the pid hash lock and read by lock-free readers.
 */
final class Upid {
  final int nr;
  final ImplPidNs ns;
  final ImplPid pid;
  /**
   * The next number on the same chain. Volatile: a writer's store of it is a release, a reader's
   * load an acquire, so a reader that reaches a node sees it fully built. A node taken off the
   * chain keeps its next, so a reader standing on it still reaches the rest (hlist_del_rcu).
   */
  volatile Upid next;

  Upid(int nr, ImplPidNs ns, ImplPid pid) {
    this.nr = nr;
    this.ns = ns;
    this.pid = pid;
  }
}
