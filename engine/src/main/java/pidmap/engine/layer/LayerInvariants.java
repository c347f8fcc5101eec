package pidmap.engine.layer;

import java.util.List;
import java.util.Optional;
import pidmap.spec.Invariant;

/**
 * The catalog of the pid layer's invariants, in the style of {@link pidmap.engine.invariants.Invariants}.
 * The layer's differential engine checks every one after every step, on the model and on the
 * impl; {@code docs/PID_LAYER.md} lists them (a test keeps the two in sync).
 */
public final class LayerInvariants {
  private LayerInvariants() {}


  public static final LayerInvariantCheck HASHED_FOUND = new LayerInvariantCheck(Invariant.PID_1,
      PidChecks::hashedFound);

  public static final LayerInvariantCheck NR_NS_AGREES = new LayerInvariantCheck(Invariant.PID_2,
      PidChecks::nrNsAgrees);

  public static final LayerInvariantCheck UNUSED_PID_GONE = new LayerInvariantCheck(Invariant.PID_3,
      PidChecks::unusedPidGone);

  public static final LayerInvariantCheck BITMAP_IS_NUMBERS = new LayerInvariantCheck(Invariant.NS_1,
      NamespaceChecks::bitmapIsNumbers);

  public static final LayerInvariantCheck NS_REFCOUNT = new LayerInvariantCheck(Invariant.NS_2,
      NamespaceChecks::nsRefcount);

  public static final LayerInvariantCheck NS_SHAPE = new LayerInvariantCheck(Invariant.NS_3,
      NamespaceChecks::nsShape);

  public static final LayerInvariantCheck PID_COUNT = new LayerInvariantCheck(Invariant.REF_1,
      PidChecks::pidCount);

  public static final LayerInvariantCheck TASK_USAGE = new LayerInvariantCheck(Invariant.REF_2,
      PidChecks::taskUsage);

  public static final LayerInvariantCheck LINKS_MIRROR = new LayerInvariantCheck(Invariant.LINK_1,
      PidChecks::linksMirror);

  public static final LayerInvariantCheck HASH_PLACEMENT = new LayerInvariantCheck(Invariant.HASH_1,
      NamespaceChecks::hashPlacement);

  public static final LayerInvariantCheck HASH_EXACT = new LayerInvariantCheck(Invariant.HASH_2,
      NamespaceChecks::hashExact);

  public static final LayerInvariantCheck CACHES = new LayerInvariantCheck(Invariant.CACHE_1,
      NamespaceChecks::caches);

  public static final LayerInvariantCheck ZAPPED = new LayerInvariantCheck(Invariant.ZAP_1,
      NamespaceChecks::zapped);

  public static final LayerInvariantCheck CONTAINER_INIT = new LayerInvariantCheck(Invariant.INIT_1,
      PidChecks::containerInit);

  public static final LayerInvariantCheck FIND_GE = new LayerInvariantCheck(Invariant.LOOKUP_1,
      PidChecks::findGe);

  public static final LayerInvariantCheck REFUSAL_CHANGES_NOTHING = new LayerInvariantCheck(Invariant.INPUT_2,
      PidChecks::refusalChangesNothing);

  public static final LayerInvariantCheck NOTHING_LEAKED = new LayerInvariantCheck(Invariant.LEAK_1,
      NamespaceChecks::nothingLeaked);

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
