package pidmap.spec.pid;

import java.util.List;

/**
 * The whole of pid.c above the bitmap: struct pid with a number per level, the pid hash, task
 * links, every lookup, pid namespaces and the pid caches. The model and the impl both keep this
 * contract; the differential engine compares them call by call.
 *
 * <p>A fresh layer is the booted kernel: init_pid_ns (level 0, count 2, pid 0 taken, the idle
 * task its child reaper), init_struct_pid (pid 0, count 1, not hashed, not from a cache), the
 * idle task linked to init_struct_pid in all three types, the cache {@code pid_1}, and a pid
 * hash of {@link LayerConfig#pidhashShift()} bits (Seed: pid.c lines 43, 71-82, 627-662).
 *
 * <p>Exhaustion is a normal outcome ({@link #allocPid} answers null, as the seed's ENOMEM). Bad
 * input is not: a null where a handle is needed, a negative number, a link in the wrong state, a
 * released pid or namespace (use after free), CLONE_NEWPID with CLONE_THREAD: each throws
 * {@link pidmap.spec.PidmapException} from {@link LayerRequire}, with the same words in model and
 * impl, and leaves the layer exactly as it was.
 *
 * <p>RCU is explicit: free_pid unhashes at once and frees the numbers at once, but drops the
 * hash's reference only at the next {@link #gracePeriod()}, so a reader that found the pid
 * before it was unhashed may still take a reference to it.
 *
 * <p>Thread-safety is each implementation's to state: the model is sequential, the impl's
 * readers take no lock.
 */
public interface PidLayer {

  LayerConfig config();

  // ---- the booted state ----

  /** init_pid_ns. Seed: pid.c lines 71-82, 651-662. */
  PidNs initPidNs();

  /** init_struct_pid: the idle task's pid 0. Seed: pid.c line 43. */
  Pid initStructPid();

  /** The idle task (init_task), linked to init_struct_pid as PID, PGID and SID. */
  Task initTask();

  /** A new task with usage 1 and no links (dup_task_struct's share; outside pid.c). */
  Task newTask();

  /**
   * p->real_parent = {@code parent}: the task that reaps {@code child} (copy_process sets it,
   * forget_original_parent moves a dead parent's children to their reaper). Null: no task waits
   * for it (a thread, whose exit_signal of -1 makes it reap itself). A new task has none. Only
   * zap_pid_ns_processes reads it (seed 615-618: the init reaps its own children). Refuses a
   * released task handle of another layer.
   */
  void setParent(Task child, Task parent);

  /** p->real_parent, or null (see {@link #setParent}). */
  Task parent(Task task);

  // ---- struct pid ----

  /**
   * alloc_pid: one number in every namespace from {@code ns} up to the root, innermost first;
   * count 1, empty task lists, every level hashed, a reference on {@code ns}, one object from
   * the cache of its depth. If some level has no free number, the numbers already taken are
   * given back and the answer is null (the last_pid of the levels that had one has moved).
   * Seed: pid.c lines 241-288.
   */
  default Pid allocPid(PidNs ns) {
    return allocPid(ns, new int[0]);
  }

  /**
   * alloc_pid with clone3's set_tid (Linux 5.5 and later): {@code setTid[0]} is the number at
   * {@code ns}'s own level, {@code setTid[1]} at its parent's, and so on; levels past the array
   * are allocated as usual. An entry is taken exactly and leaves that level's last_pid where it
   * was. Under linux-6 (per {@link SetTid}) a well-formed call the kernel would fail throws
   * {@link KernelErrno}: EINVAL for too many entries, a tid below 1 or at least that level's
   * pid_max, or a tid other than 1 where there is no child reaper; EEXIST for a taken one. The
   * numbers taken at inner levels go back first; last_pid moved by cyclic levels stays moved.
   * Under linux-6 a namespace whose allocation is disabled ({@link PidNs#allocating()} false)
   * throws {@link KernelErrno} ENOMEM after every level allocated and gave back its number (the
   * kernel checks PIDNS_ADDING after its loop); a level without room answers null first (EAGAIN,
   * as the 6.18 kernel answers a fork into a dead namespace under a full root). On any linux-6 failure a namespace that has no pid and still
   * allocates starts over (last_pid 0). Under linux-2.6.24 a non-empty set_tid is refused
   * (clone3 did not exist).
   */
  Pid allocPid(PidNs ns, int[] setTid);

  /**
   * free_pid: unhashes every level and gives every number back at once, and queues the put of
   * the hash's reference for after the next grace period. Refuses a pid that is not hashed.
   * Seed: pid.c lines 218-239.
   */
  void freePid(Pid pid);

  /** get_pid: one more reference; null stays null. Refuses a released pid. */
  Pid getPid(Pid pid);

  /**
   * put_pid: one reference less; at zero the pid is released, goes back to its cache and puts
   * its namespace. Null is ignored. Refuses a released pid (the put would take the count below
   * zero) and the last reference of init_struct_pid (static, never freed).
   * Seed: pid.c lines 202-216.
   */
  void putPid(Pid pid);

  /** Ends an RCU grace period: runs every queued delayed_put_pid in order; answers how many. */
  int gracePeriod();

  /** find_pid_ns: the hashed pid with number {@code nr} in {@code ns}, or null. Seed: 290-303. */
  Pid findPidNs(int nr, PidNs ns);

  // ---- task links ----

  /**
   * attach_pid: links {@code task} to {@code pid} as {@code type}, at the head of the pid's
   * list for that type. Refuses a link already in use and a pid that is released or no longer
   * hashed (init_struct_pid, never hashed, is accepted). Seed: pid.c lines 306-318.
   */
  void attachPid(Task task, PidType type, Pid pid);

  /**
   * detach_pid: unlinks {@code task}'s {@code type} link; when the pid then has no task of any
   * type, frees it ({@link #freePid}). Refuses a link not in use, and the unlink that would free
   * init_struct_pid. Seed: pid.c lines 320-337.
   */
  void detachPid(Task task, PidType type);

  /**
   * transfer_pid: {@code nu} takes {@code old}'s place in the pid's list for {@code type} and
   * {@code old}'s link is cleared; nothing is freed. Refuses an unlinked {@code old} link or a
   * linked {@code nu} link. Seed: pid.c lines 339-346.
   */
  void transferPid(Task old, Task nu, PidType type);

  /** pid_task: the task at the head of the pid's list for {@code type}, or null. Seed: 348-359. */
  Task pidTask(Pid pid, PidType type);

  // ---- lookups (Seed: pid.c lines 361-450) ----

  /** find_task_by_pid_type_ns: pid_task(find_pid_ns(nr, ns), type). Seed: 363-369. */
  Task findTaskByPidTypeNs(PidType type, int nr, PidNs ns);

  /** find_task_by_pid: PIDTYPE_PID in init_pid_ns. Seed: 371-375. */
  Task findTaskByPid(int nr);

  /**
   * find_task_by_vpid: PIDTYPE_PID in the caller's namespace. There is no "current" here, so
   * the caller's namespace (current->nsproxy->pid_ns) is passed. Seed: 377-382.
   */
  Task findTaskByVpid(PidNs current, int vnr);

  /** find_task_by_pid_ns: PIDTYPE_PID in {@code ns}. Seed: 384-388. */
  Task findTaskByPidNs(int nr, PidNs ns);

  /** get_task_pid: a new reference to the task's pid of {@code type}, or null. Seed: 390-397. */
  Pid getTaskPid(Task task, PidType type);

  /** get_pid_task: pid_task plus one usage of the task found. Seed: 399-408. */
  Task getPidTask(Pid pid, PidType type);

  /** put_task_struct for a reference from get_pid_task; refuses the task's own (usage 1). */
  void putTaskStruct(Task task);

  /** find_get_pid: a reference to the pid with number {@code nr} in the caller's namespace. 410-419. */
  Pid findGetPid(PidNs current, int nr);

  /**
   * pid_nr_ns: the pid's number in {@code ns}, or 0 when the pid is null or not visible there
   * (ns deeper than the pid, or another namespace at that level). Refuses a null ns.
   * Seed: pid.c lines 421-431.
   */
  int pidNrNs(Pid pid, PidNs ns);

  /** find_ge_pid: the pid with number nr in ns, else the next one above it, else null. 439-450. */
  Pid findGePid(int nr, PidNs ns);

  // ---- namespaces ----

  /**
   * copy_pid_ns: without CLONE_NEWPID, {@code old} with one more reference; with it, a new
   * namespace one level deeper (count 1, page 0 with pid 0, last_pid 0, no child reaper, the
   * pid_max of its level) that holds a reference on {@code old}. CLONE_NEWPID with CLONE_THREAD
   * is refused (the seed's EINVAL). A namespace deeper than {@link LayerConfig#maxNsLevel()}
   * (MAX_PID_NS_LEVEL counted from the machine's initial namespace) throws {@link KernelErrno}
   * ENOSPC, nothing changed.
   * Seed: pid.c lines 504-574.
   */
  PidNs copyPidNs(long flags, PidNs old);

  /** get_pid_ns: one more reference; init_pid_ns is not counted. */
  PidNs getPidNs(PidNs ns);

  /**
   * put_pid_ns: one reference less (init_pid_ns is not counted); at zero free_pid_ns destroys
   * the namespace and puts its parent. Seed: pid.c lines 544-551, 576-585.
   */
  void putPidNs(PidNs ns);

  /**
   * zap_pid_ns_processes: the namespace's init is exiting; every task whose PID number there is
   * 2 or more is killed, in ascending number order, then the child reaper is cleared. Killing
   * ends a task; the init then reaps (every link detached, which frees its pids at every level)
   * each killed task that ends up its child: one whose {@link #parent} is in the namespace (that
   * parent dies too, and its children go to the init) or that has none (a thread). A killed task
   * whose parent is outside the namespace keeps every link: a zombie until that parent reaps it
   * (seed 615-618: the init's wait4 reaps only its own children). Under linux-6 the killed init
   * of a namespace inside {@code ns} that still has other pids is not reaped either: it waits in
   * its own zap until they are gone. Answers the killed tasks, in order, so the caller can finish
   * their exit. Refuses init_pid_ns. Under linux-6 it first disables allocation in {@code ns}
   * (disable_pid_allocation: PIDNS_ADDING cleared), so later forks into it fail with ENOMEM.
   * Seed: 589-624.
   */
  List<Task> zapPidNsProcesses(PidNs ns);

  /**
   * Writes pid_max. linux-2.6.24: the one global (seed line 46), so every namespace's allocator,
   * live or created later, uses {@code value}; {@code ns} must be live. linux-6 (6.14 and later):
   * {@code ns}'s own pid_max only; a new namespace starts at PID_MAX_LIMIT. Refuses a value
   * outside [pid_max_min, pid_max_limit].
   */
  void setPidMax(PidNs ns, int value);

  /**
   * Writes ns_last_pid of {@code ns} (linux-6; the sysctl is Linux 3.3's): that namespace's
   * cursor, so its next cyclic allocation searches from {@code value + 1}. The kernel writes the
   * namespace the writing task is active in; the caller passes that one. Refuses a value outside
   * [0, {@code ns}'s own pid_max] (the kernel's EINVAL) and, under linux-2.6.24, any write: that
   * kernel had no ns_last_pid. Nothing changes on a refusal.
   */
  void setLastPid(PidNs ns, int value);

  /** ns->child_reaper = task, as copy_process (CLONE_NEWPID) and de_thread write it. */
  void setChildReaper(PidNs ns, Task task);

  /** is_container_init: the task's PID number at its own deepest level is 1. Seed: 84-97. */
  boolean isContainerInit(Task task);

  // ---- inspection, for checks; not part of the kernel's interface ----

  /** task->pids[type].pid: the pid the task is linked to as {@code type}, or null. */
  Pid linkedPid(Task task, PidType type);

  /** pid->tasks[type] in list order: the head (what pid_task answers) first. */
  List<Task> pidTasks(Pid pid, PidType type);

  /** Whether the pid's numbers are in the hash (from alloc_pid until free_pid). */
  boolean isHashed(Pid pid);

  /** Whether free_pid queued the put of this pid's hash reference and no grace period ran yet. */
  boolean awaitingGrace(Pid pid);

  /** The pid hash's shift: it has 1 << shift chains. */
  int pidhashShift();

  /** Every number in the pid hash, chain by chain. */
  List<HashEntry> hashEntries();

  /** Every pid cache made so far, by number of levels. */
  List<PidCache> pidCaches();

  /** Namespaces taken from the pid_namespace cache and not yet destroyed (init_pid_ns is static). */
  int liveNamespaces();
}
