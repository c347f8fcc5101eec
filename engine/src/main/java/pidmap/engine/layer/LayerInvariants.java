package pidmap.engine.layer;

import java.util.List;
import java.util.Optional;

/**
 * The catalog of the pid layer's invariants, in the style of {@link pidmap.engine.invariants.Invariants}.
 * The layer's differential engine checks every one after every step, on the model and on the
 * impl; {@code docs/PID_LAYER.md} lists them (a test keeps the two in sync).
 */
public final class LayerInvariants {
  private LayerInvariants() {}

  private static final String PROPS = "PidLayerPropertiesTest#generatedTracesConform";
  private static final String BROKEN = "BrokenLayersAreCaughtTest";
  private static final String LEAK = "LeakCheckTest";
  private static final String BAD = "LayerBadInputTest";
  private static final String SCENARIOS = "PidLayerScenariosTest";

  public static final LayerInvariant HASHED_FOUND = new LayerInvariant(
      "PID-1",
      "Every hashed pid is found by find_pid_ns at every level it has, and a pid that is not"
          + " hashed is found at none.",
      "231-232, 270-276, 290-303",
      List.of(PROPS, BROKEN, "Pid_01_FindPidNsRaces"),
      PidChecks::hashedFound);

  public static final LayerInvariant NR_NS_AGREES = new LayerInvariant(
      "PID-2",
      "pid_nr_ns answers the pid's number at the namespace's level when that number belongs to"
          + " that namespace, and 0 otherwise (also for a null pid).",
      "421-431",
      List.of(PROPS, BROKEN),
      PidChecks::nrNsAgrees);

  public static final LayerInvariant UNUSED_PID_GONE = new LayerInvariant(
      "PID-3",
      "A pid is hashed exactly while some task is linked to it; with no task, no reference and"
          + " no pending grace period it is released.",
      "202-239, 320-337",
      List.of(PROPS, BROKEN, LEAK),
      PidChecks::unusedPidGone);

  public static final LayerInvariant BITMAP_IS_NUMBERS = new LayerInvariant(
      "NS-1",
      "Each live namespace's bitmap holds exactly pid 0 and the numbers its hashed pids have at"
          + " its level.",
      "224-239, 254-260, 280-285, 526-527",
      List.of(PROPS, BROKEN, "Pid_03_AllocPidRollbackRacesFree", "NestedKernelConformanceTest"),
      NamespaceChecks::bitmapIsNumbers);

  public static final LayerInvariant NS_REFCOUNT = new LayerInvariant(
      "NS-2",
      "A namespace's count equals the references held on it (live pids allocated in it, live"
          + " child namespaces, nsproxies, the checker's); it is released exactly when that is"
          + " zero; init_pid_ns stays at 2.",
      "73, 202-216, 264, 521, 553-585",
      List.of(PROPS, BROKEN, LEAK, SCENARIOS),
      NamespaceChecks::nsRefcount);

  public static final LayerInvariant NS_SHAPE = new LayerInvariant(
      "NS-3",
      "A namespace is one level below its parent and outlives none of its children, and each"
          + " pid's namespaces form one parent chain from init_pid_ns down to where it was"
          + " allocated.",
      "254-262, 504-524, 566-568",
      List.of(PROPS),
      NamespaceChecks::nsShape);

  public static final LayerInvariant PID_COUNT = new LayerInvariant(
      "REF-1",
      "A live pid's count is the references taken and not put plus one while it is hashed or"
          + " awaiting its grace period; it never goes below zero and a released pid has none"
          + " held.",
      "202-222, 238, 266, 390-419",
      List.of(PROPS, LEAK, BAD, "Pid_02_PutPidRacesPutPid"),
      PidChecks::pidCount);

  public static final LayerInvariant TASK_USAGE = new LayerInvariant(
      "REF-2",
      "A task's usage is one plus the get_pid_task references taken and not put.",
      "399-408",
      List.of(PROPS, BROKEN),
      PidChecks::taskUsage);

  public static final LayerInvariant LINKS_MIRROR = new LayerInvariant(
      "LINK-1",
      "A task links a pid as a type exactly when it is once on that pid's list of that type, and"
          + " no link holds a released pid.",
      "306-346",
      List.of(PROPS),
      PidChecks::linksMirror);

  public static final LayerInvariant HASH_PLACEMENT = new LayerInvariant(
      "HASH-1",
      "The hash has pidhash_init's size for the configured memory, and every number sits on the"
          + " chain pid_hashfn names for it.",
      "39-42, 627-649",
      List.of(PROPS, "PidHashingTest"),
      NamespaceChecks::hashPlacement);

  public static final LayerInvariant HASH_EXACT = new LayerInvariant(
      "HASH-2",
      "The hash holds each number of each hashed pid exactly once and nothing else.",
      "231-233, 270-276",
      List.of(PROPS),
      NamespaceChecks::hashExact);

  public static final LayerInvariant CACHES = new LayerInvariant(
      "CACHE-1",
      "There is one cache pid_N per depth of namespace ever created, each counting its live pids"
          + " exactly; the namespace cache counts the live namespaces.",
      "455-501, 509, 517, 550, 658",
      List.of(PROPS, SCENARIOS),
      NamespaceChecks::caches);

  public static final LayerInvariant ZAPPED = new LayerInvariant(
      "ZAP-1",
      "After zap_pid_ns_processes no task with a number of 2 or more in the namespace is left and"
          + " the namespace has no child reaper.",
      "589-624",
      List.of(PROPS, BROKEN, SCENARIOS,
          "NestedKernelConformanceTest#twoLevelNumbersAgreeWithTheKernelsNspid"),
      NamespaceChecks::zapped);

  public static final LayerInvariant CONTAINER_INIT = new LayerInvariant(
      "INIT-1",
      "is_container_init holds exactly for tasks whose pid is 1 at its own deepest level.",
      "84-97",
      List.of(PROPS, BROKEN),
      PidChecks::containerInit);

  public static final LayerInvariant FIND_GE = new LayerInvariant(
      "LOOKUP-1",
      "find_ge_pid(nr, ns) answers the hashed pid with the smallest number at least nr in ns, or"
          + " null.",
      "184-200, 439-450",
      List.of(PROPS, BROKEN),
      PidChecks::findGe);

  public static final LayerInvariant REFUSAL_CHANGES_NOTHING = new LayerInvariant(
      "INPUT-2",
      "A refused call leaves every pid, namespace, link, count, bitmap and cache as it was.",
      "docs/DESIGN.md: bad input never corrupts state",
      List.of(PROPS, BAD),
      PidChecks::refusalChangesNothing);

  public static final LayerInvariant NOTHING_LEAKED = new LayerInvariant(
      "LEAK-1",
      "After every task exits, every reference is put and a grace period passes, every pid cache"
          + " is empty, every namespace but init_pid_ns is released and init_pid_ns's bitmap"
          + " holds only pid 0.",
      "202-239, 544-551, 576-585",
      List.of(PROPS, LEAK),
      NamespaceChecks::nothingLeaked);

  /** Every invariant, in catalog order. */
  public static final List<LayerInvariant> ALL = List.of(
      HASHED_FOUND, NR_NS_AGREES, UNUSED_PID_GONE, BITMAP_IS_NUMBERS, NS_REFCOUNT, NS_SHAPE,
      PID_COUNT, TASK_USAGE, LINKS_MIRROR, HASH_PLACEMENT, HASH_EXACT, CACHES, ZAPPED,
      CONTAINER_INIT, FIND_GE, REFUSAL_CHANGES_NOTHING, NOTHING_LEAKED);

  public static Optional<LayerInvariant> byId(String id) {
    return ALL.stream().filter(i -> i.id().equals(id)).findFirst();
  }
}
