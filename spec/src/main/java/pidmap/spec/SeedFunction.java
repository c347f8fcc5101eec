package pidmap.spec;

import java.util.List;

/**
 * Every function (and static object) of kernel/pid.c of Linux 2.6.24
 * (https://github.com/torvalds/linux/blob/v2.6.24/kernel/pid.c), with the header inlines the
 * layer keeps: the names a reader looks for, their lines, and the invariants each must keep.
 * The model and the impl mark the code that renders each one with {@link Implements}; README's
 * seed map is generated from those marks, and a test fails when a function has no model or no
 * impl.
 */
public enum SeedFunction {
  PID_HASHFN("pid_hashfn", "39-40", Invariant.HASH_1),
  HASH_LONG("hash_long", "include/linux/hash.h", Invariant.HASH_1),
  INIT_STRUCT_PID("init_struct_pid", "43", Invariant.REF_1, Invariant.LEAK_1),
  INIT_PID_NS("init_pid_ns", "71-82", Invariant.NS_2, Invariant.LEAK_1),
  IS_CONTAINER_INIT("is_container_init", "84-97", Invariant.INIT_1),
  FREE_PIDMAP("free_pidmap", "115-121", Invariant.PIDMAP_2, Invariant.PIDMAP_4,
      Invariant.INPUT_1),
  ALLOC_PIDMAP("alloc_pidmap", "124-182 (with mk_pid, find_next_offset: 56-63)",
      Invariant.ALLOC_1, Invariant.ALLOC_2, Invariant.ALLOC_3, Invariant.ALLOC_4,
      Invariant.PIDMAP_2, Invariant.PIDMAP_3),
  NEXT_PIDMAP("next_pidmap", "184-200", Invariant.NEXT_1),
  PUT_PID("put_pid", "202-216", Invariant.REF_1, Invariant.PID_3, Invariant.NS_2,
      Invariant.CACHE_1),
  DELAYED_PUT_PID("delayed_put_pid", "218-222", Invariant.REF_1, Invariant.PID_3),
  FREE_PID("free_pid", "224-239", Invariant.PID_1, Invariant.NS_1, Invariant.HASH_2,
      Invariant.REF_1),
  ALLOC_PID("alloc_pid", "241-288", Invariant.PID_1, Invariant.NS_1, Invariant.NS_2,
      Invariant.NS_3, Invariant.HASH_1, Invariant.HASH_2, Invariant.CACHE_1),
  FIND_PID_NS("find_pid_ns", "290-303", Invariant.PID_1),
  ATTACH_PID("attach_pid", "306-318", Invariant.LINK_1, Invariant.PID_3),
  DETACH_PID("detach_pid", "320-337", Invariant.LINK_1, Invariant.PID_3),
  TRANSFER_PID("transfer_pid", "339-346", Invariant.LINK_1),
  PID_TASK("pid_task", "348-359", Invariant.LINK_1, Invariant.ZAP_1),
  FIND_TASK_BY_PID_TYPE_NS("find_task_by_pid_type_ns", "363-369", Invariant.PID_1,
      Invariant.LINK_1),
  FIND_TASK_BY_PID("find_task_by_pid", "371-375", Invariant.PID_1, Invariant.LINK_1),
  FIND_TASK_BY_VPID("find_task_by_vpid", "377-382", Invariant.PID_1, Invariant.LINK_1),
  FIND_TASK_BY_PID_NS("find_task_by_pid_ns", "384-388", Invariant.PID_1, Invariant.LINK_1),
  GET_TASK_PID("get_task_pid", "390-397", Invariant.REF_1),
  GET_PID_TASK("get_pid_task", "399-408", Invariant.REF_2),
  FIND_GET_PID("find_get_pid", "410-419", Invariant.REF_1),
  PID_NR_NS("pid_nr_ns", "421-431", Invariant.PID_2),
  FIND_GE_PID("find_ge_pid", "439-450", Invariant.LOOKUP_1),
  CREATE_PID_CACHEP("create_pid_cachep", "469-501", Invariant.CACHE_1),
  CREATE_PID_NAMESPACE("create_pid_namespace", "504-542", Invariant.NS_2, Invariant.NS_3,
      Invariant.CACHE_1),
  DESTROY_PID_NAMESPACE("destroy_pid_namespace", "544-551", Invariant.NS_2,
      Invariant.CACHE_1, Invariant.LEAK_1),
  COPY_PID_NS("copy_pid_ns", "553-574", Invariant.NS_2, Invariant.NS_3),
  FREE_PID_NS("free_pid_ns", "576-585", Invariant.NS_2, Invariant.NS_3, Invariant.LEAK_1),
  ZAP_PID_NS_PROCESSES("zap_pid_ns_processes", "589-624", Invariant.ZAP_1, Invariant.PID_3),
  PIDHASH_INIT("pidhash_init", "631-649", Invariant.HASH_1),
  PIDMAP_INIT("pidmap_init", "651-662", Invariant.PIDMAP_1, Invariant.NS_1,
      Invariant.CACHE_1),
  GET_PID("get_pid", "include/linux/pid.h", Invariant.REF_1),
  GET_PID_NS("get_pid_ns", "include/linux/pid_namespace.h", Invariant.NS_2),
  PUT_PID_NS("put_pid_ns", "include/linux/pid_namespace.h", Invariant.NS_2);

  private final String cName;
  private final String lines;
  private final List<Invariant> keeps;

  SeedFunction(String cName, String lines, Invariant... keeps) {
    this.cName = cName;
    this.lines = lines;
    this.keeps = List.of(keeps);
  }

  /** The kernel's name, e.g. {@code alloc_pidmap}. */
  public String cName() {
    return cName;
  }

  /** Its lines in kernel/pid.c of Linux 2.6.24, or the header it comes from. */
  public String lines() {
    return lines;
  }

  /** The invariants it must keep (and whose checks therefore cover it). */
  public List<Invariant> keeps() {
    return keeps;
  }
}
