package pidmap.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.CampaignGeometries;
import pidmap.explorer.lincheck.AllocFreeOps;
import pidmap.explorer.lincheck.Lincheck;
import pidmap.explorer.lincheck.LincheckScenarios;
import pidmap.explorer.lincheck.SeedOrderSpec;
import pidmap.explorer.lincheck.SomeFreePidVerifier;
import pidmap.impl.BitmapPidAllocator;

/**
 * The bug zoo: real bugs from the history of Linux's pid allocator, each re-created as a variant
 * of the impl ({@link ZooAllocators}, {@link ZooLayers}) with the checks of the conformance kit
 * that run against it. {@link #catcher} names the check that must catch it and {@link #why}
 * words its failure must contain; docs/BUGS.md has the table with measured times.
 *
 * <p>Immutable; {@link #run} builds fresh variants each time.
 */
enum ZooBug {

  LAST_PID_STORE_RACE("last_pid moves backward when allocs race (plain store)",
      "2.6.35, commit 5fdee8c4a5e1", "BitmapPidAllocator + LastPidUpdate.SEED_PLAIN_STORE",
      "lincheck pinned", "alloc(): 5", () -> List.of(
          ZooChecks.campaign(ZooChecks.GEOMETRIES.get(0), BitmapPidAllocator::new, ZooChecks.BLIND_TRACES),
          lastPidRace(AllocFreeOps.PlainStore.class))),

  NEXT_PIDMAP_UNBOUNDED("next_pidmap with a huge or negative start indexes past the page array",
      "CVE-2011-1593, 2.6.38.4", "ZooAllocators#nextWithoutBound",
      "direct calls", "refused (after: ", () -> blind(ZooAllocators::nextWithoutBound)),

  PAGE_INSTALL_WITHOUT_RECHECK("a missing page installed without looking again: a pid twice",
      "seed pid.c 136-149 (re-check under pidmap_lock)", "BrokenTwins.INSTALL_WITHOUT_RECHECK",
      "lincheck pinned", "alloc(): 4", () -> List.of(
          ZooChecks.campaign(ZooChecks.GEOMETRIES.get(0), ZooAllocators::installWithoutRecheck,
              ZooChecks.BLIND_TRACES),
          installRace(ZooAllocators.InstallRaceOps.class),
          ZooChecks.lincheck("lincheck random", Lincheck.modelChecking()
              .verifier(SomeFreePidVerifier.FailsOnlyWhenFullOrRaced.class),
              ZooAllocators.InstallRaceOps.class))),

  PAGE_CROSSING_SKIPS_A_PAGE("crossing a page end advances twice, skipping a page",
      "2004 (32767 to 32768)", "ZooAllocators#pageCrossingSkipsAPage",
      "campaign", "invariant ALLOC-2 failed",
      () -> sequential(ZooAllocators::pageCrossingSkipsAPage, 4)),

  WRAP_RESTARTS_AT_ZERO("the wrap restarts at 0 instead of RESERVED_PIDS",
      "2004", "BrokenAllocators.WRAP_RESTARTS_AT_ZERO",
      "campaign", "invariant ALLOC-5", () -> sequential(ZooAllocators::wrapRestartsAtZero, 4)),

  SCAN_RESTARTS_LOW_AFTER_WRAP("after a wrap the scan restarts low: a just-freed pid comes back",
      "2004", "ZooAllocators#scanRestartsLowAfterAWrap",
      "campaign", "invariant ALLOC-5", () -> sequential(ZooAllocators::scanRestartsLowAfterAWrap, 4)),

  ALLOC_PID_LEAKS_NAMESPACE("alloc_pid's failure path keeps a namespace reference",
      "3.19, commit 24c037ebf572", "ZooLayers#allocPidLeaksTheNamespaceOnFailure",
      "layer property", "invariant NS-2",
      () -> List.of(ZooChecks.layer(ZooLayers.allocPidLeaksTheNamespaceOnFailure(), 200))),

  ALLOC_PID_FREES_IN_WRONG_NS("alloc_pid's failure path frees outer numbers in the innermost ns",
      "4.15 to 4.19", "ZooLayers#allocPidFreesInTheWrongNamespace",
      "layer property", "invariant NS-1",
      () -> List.of(ZooChecks.layer(ZooLayers.allocPidFreesInTheWrongNamespace(), 200))),

  NS_LAST_PID_UNBOUNDED("ns_last_pid accepts any value",
      "ns_last_pid sysctl, before its bounds", "ZooAllocators#lastPidWithoutBound",
      "direct calls", "refused (last_pid: ", () -> blind(ZooAllocators::lastPidWithoutBound)),

  CAD_PID_PUT_WITHOUT_GET("a put_pid without a matching get (cad_pid)",
      "cad_pid sysctl", "ZooLayers#putPidWithoutGet",
      "layer property", "invariant REF-1",
      () -> List.of(ZooChecks.layer(ZooLayers.putPidWithoutGet(), 200)));

  private final String bug;
  private final String origin;
  private final String variant;
  private final String catcher;
  private final String why;
  private final Supplier<List<Catch>> checks;

  ZooBug(String bug, String origin, String variant, String catcher, String why,
      Supplier<List<Catch>> checks) {
    this.bug = bug;
    this.origin = origin;
    this.variant = variant;
    this.catcher = catcher;
    this.why = why;
    this.checks = checks;
  }

  String bug() {
    return bug;
  }

  String origin() {
    return origin;
  }

  String variant() {
    return variant;
  }

  /** The start of the name of the check that must catch this bug. */
  String catcher() {
    return catcher;
  }

  /** Words the catching check's failure must contain. */
  String why() {
    return why;
  }

  /** Runs every check of this bug's row against fresh variants. */
  List<Catch> run() {
    return checks.get();
  }

  /**
   * The sequential kit: the campaign on the first {@code geometries} of ZooChecks.GEOMETRIES
   * (bpp=4, kernel, bpp=8, bpp=64), the explorer, and the direct calls on bpp=4.
   */
  private static List<Catch> sequential(AllocatorFactory f, int geometries) {
    List<Catch> out = new ArrayList<>();
    for (CampaignGeometries.Case w : ZooChecks.GEOMETRIES.subList(0, geometries)) {
      out.add(ZooChecks.campaign(w, f));
    }
    out.add(ZooChecks.explorer(f));
    out.add(ZooChecks.directCalls(ZooChecks.GEOMETRIES.get(0), f));
    return out;
  }

  /**
   * For a bug behind Op.apply's bounds: the campaign (which the explorer shares Op.apply with)
   * passes it, the direct calls catch it.
   */
  private static List<Catch> blind(AllocatorFactory f) {
    return List.of(ZooChecks.campaign(ZooChecks.GEOMETRIES.get(0), f, ZooChecks.BLIND_TRACES),
        ZooChecks.directCalls(ZooChecks.GEOMETRIES.get(0), f));
  }

  /** C3 of docs/LINEARIZABILITY.md, pinned: T2's older last_pid store lands last. */
  static Catch lastPidRace(Class<? extends AllocFreeOps> ops) {
    return lastPidRace(ops, Lincheck.TO_FIND);
  }

  static Catch lastPidRace(Class<? extends AllocFreeOps> ops, int invocations) {
    return ZooChecks.lincheck("lincheck pinned", Lincheck.pinned(invocations)
        .addCustomScenario(LincheckScenarios.of(ops, "alloc x3", List.of("alloc", "alloc"),
            "free 5, alloc"))
        .sequentialSpecification(SeedOrderSpec.class), ops);
  }

  /** Page 0 full, page 1 missing, two allocs race to install it. */
  static Catch installRace(Class<? extends AllocFreeOps> ops) {
    return installRace(ops, Lincheck.TO_FIND);
  }

  static Catch installRace(Class<? extends AllocFreeOps> ops, int invocations) {
    return ZooChecks.lincheck("lincheck pinned", Lincheck.pinned(invocations)
        .addCustomScenario(LincheckScenarios.of(ops, "alloc x3", List.of("alloc", "alloc"), ""))
        .verifier(SomeFreePidVerifier.FailsOnlyWhenFullOrRaced.class), ops);
  }
}
