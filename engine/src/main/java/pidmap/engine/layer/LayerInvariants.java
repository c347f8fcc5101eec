package pidmap.engine.layer;

import java.util.List;
import java.util.Optional;
import pidmap.spec.Invariant;
import pidmap.spec.Oracle;

/**
 * The catalog of the pid layer's invariants, in the style of {@link pidmap.engine.invariants.Invariants}.
 * The layer's differential engine checks every one after every step, on the model and on the
 * impl; {@code docs/PID_LAYER.md} lists them (a test keeps the two in sync).
 */
public final class LayerInvariants {
  private LayerInvariants() {}


  @Oracle(value = Invariant.PID_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "each seen pid's numbers, looked up through the layer's find_pid_ns and compared with its hashed mark")
  public static final LayerInvariantCheck HASHED_FOUND = new LayerInvariantCheck(Invariant.PID_1,
      PidChecks::hashedFound);

  @Oracle(value = Invariant.PID_2, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "each seen pid's numbers and namespaces, compared with the layer's pid_nr_ns")
  public static final LayerInvariantCheck NR_NS_AGREES = new LayerInvariantCheck(Invariant.PID_2,
      PidChecks::nrNsAgrees);

  @Oracle(value = Invariant.PID_3, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the layer's task lists of each pid against its hashed mark, and the checker's layer ledger (the pids, namespaces and tasks it has seen, the references it holds, kept from the answers)")
  public static final LayerInvariantCheck UNUSED_PID_GONE = new LayerInvariantCheck(Invariant.PID_3,
      PidChecks::unusedPidGone);

  @Oracle(value = Invariant.NS_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the numbers of the hashed pids the checker has seen, against each namespace's bitmap")
  public static final LayerInvariantCheck BITMAP_IS_NUMBERS = new LayerInvariantCheck(Invariant.NS_1,
      NamespaceChecks::bitmapIsNumbers);

  @Oracle(value = Invariant.NS_2, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "references counted from the checker's layer ledger (the pids, namespaces and tasks it has seen, the references it holds, kept from the answers) and the live pids and child namespaces")
  public static final LayerInvariantCheck NS_REFCOUNT = new LayerInvariantCheck(Invariant.NS_2,
      NamespaceChecks::nsRefcount);

  @Oracle(value = Invariant.NS_3, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "each seen namespace's parent and level, and each pid's chain of namespaces")
  public static final LayerInvariantCheck NS_SHAPE = new LayerInvariantCheck(Invariant.NS_3,
      NamespaceChecks::nsShape);

  @Oracle(value = Invariant.REF_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the references the checker's layer ledger (the pids, namespaces and tasks it has seen, the references it holds, kept from the answers) holds, against each pid's count")
  public static final LayerInvariantCheck PID_COUNT = new LayerInvariantCheck(Invariant.REF_1,
      PidChecks::pidCount);

  @Oracle(value = Invariant.REF_2, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the get_pid_task references the checker holds, against each task's usage")
  public static final LayerInvariantCheck TASK_USAGE = new LayerInvariantCheck(Invariant.REF_2,
      PidChecks::taskUsage);

  @Oracle(value = Invariant.LINK_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "each task's links against each pid's task lists, two separate structures of the layer")
  public static final LayerInvariantCheck LINKS_MIRROR = new LayerInvariantCheck(Invariant.LINK_1,
      PidChecks::linksMirror);

  @Oracle(value = Invariant.HASH_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "engine.layer.SeedHash: pidhash_init and hash_long as the seed's text writes them (shifts and adds), sharing no code with spec.pid.PidHashing, which model and impl both call")
  public static final LayerInvariantCheck HASH_PLACEMENT = new LayerInvariantCheck(Invariant.HASH_1,
      NamespaceChecks::hashPlacement);

  @Oracle(value = Invariant.HASH_2, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the numbers of the hashed pids the checker has seen, against the layer's hash entries")
  public static final LayerInvariantCheck HASH_EXACT = new LayerInvariantCheck(Invariant.HASH_2,
      NamespaceChecks::hashExact);

  @Oracle(value = Invariant.CACHE_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the live pids and namespaces the checker has seen, counted by depth, against the layer's caches")
  public static final LayerInvariantCheck CACHES = new LayerInvariantCheck(Invariant.CACHE_1,
      NamespaceChecks::caches);

  @Oracle(value = Invariant.ZAP_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the seen pids' numbers in the zapped namespace and their task lists")
  public static final LayerInvariantCheck ZAPPED = new LayerInvariantCheck(Invariant.ZAP_1,
      NamespaceChecks::zapped);

  @Oracle(value = Invariant.INIT_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "each task's linked pid's number at its deepest level")
  public static final LayerInvariantCheck CONTAINER_INIT = new LayerInvariantCheck(Invariant.INIT_1,
      PidChecks::containerInit);

  @Oracle(value = Invariant.LOOKUP_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "a sorted map of the hashed pids' numbers per namespace, built by the checker")
  public static final LayerInvariantCheck FIND_GE = new LayerInvariantCheck(Invariant.LOOKUP_1,
      PidChecks::findGe);

  @Oracle(value = Invariant.INPUT_2, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the layer's observable state before the step, compared with after")
  public static final LayerInvariantCheck REFUSAL_CHANGES_NOTHING = new LayerInvariantCheck(Invariant.INPUT_2,
      PidChecks::refusalChangesNothing);

  @Oracle(value = Invariant.LEAK_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the layer's caches, live namespaces and init_pid_ns's bitmap after the checker has put every reference it took")
  public static final LayerInvariantCheck NOTHING_LEAKED = new LayerInvariantCheck(Invariant.LEAK_1,
      NamespaceChecks::nothingLeaked);

  @Oracle(value = Invariant.TASK_1, impl = Oracle.Kind.INDEPENDENT, model = Oracle.Kind.INDEPENDENT,
      basis = "the checker's process ledger (which tasks are running or zombies, built from the answers) against the layer's links, hash and bitmaps")
  public static final LayerInvariantCheck UNREAPED_HOLD_NUMBERS = new LayerInvariantCheck(
      Invariant.TASK_1, ProcessChecks::unreapedHoldTheirNumbers);

  /** Every invariant, in catalog order. */
  public static final List<LayerInvariantCheck> ALL = List.of(
      HASHED_FOUND, NR_NS_AGREES, UNUSED_PID_GONE, BITMAP_IS_NUMBERS, NS_REFCOUNT, NS_SHAPE,
      PID_COUNT, TASK_USAGE, LINKS_MIRROR, HASH_PLACEMENT, HASH_EXACT, CACHES, ZAPPED,
      CONTAINER_INIT, FIND_GE, UNREAPED_HOLD_NUMBERS, REFUSAL_CHANGES_NOTHING, NOTHING_LEAKED);

  public static Optional<LayerInvariantCheck> byId(String id) {
    return ALL.stream().filter(i -> i.invariant().id().equals(id)).findFirst();
  }
}
