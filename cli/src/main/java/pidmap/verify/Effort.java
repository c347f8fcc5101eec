package pidmap.verify;

import java.util.List;
import pidmap.explorer.Scope;

/** How hard a campaign tries, per kind of check. Immutable. */
public enum Effort {
  QUICK(20, 1000, 2_000, 10, 300, 1),
  STANDARD(200, 1000, 10_000, 40, 300, 5),
  DEEP(2000, 2000, 100_000, 1000, 600, 50);

  /** Steps per trace of the kernel's page-edge rows, and the fill budget that lets them get there. */
  public static final int EDGE_STEPS = 40_000;

  private final int traces;
  private final int steps;
  private final long kernelSteps;
  private final int layerTraces;
  private final int layerLength;
  private final int edgeTraces;

  Effort(int traces, int steps, long kernelSteps, int layerTraces, int layerLength,
      int edgeTraces) {
    this.traces = traces;
    this.steps = steps;
    this.kernelSteps = kernelSteps;
    this.layerTraces = layerTraces;
    this.layerLength = layerLength;
    this.edgeTraces = edgeTraces;
  }

  /**
   * Traces of {@link #EDGE_STEPS} steps on the kernel's geometry per profile, each with room for
   * fills to the page edge at 32768 (about 32,500 allocs each).
   */
  public int edgeTraces() {
    return edgeTraces;
  }

  /**
   * The explorer's scopes: {@link Scope#quick()}, {@link Scope#standard()} or {@link
   * Scope#deep()} (docs/EXPLORER.md gives their sizes and times).
   */
  public List<Scope> explorerScopes() {
    switch (this) {
      case QUICK:
        return Scope.quick();
      case STANDARD:
        return Scope.standard();
      default:
        return Scope.deep();
    }
  }

  /** Differential traces per geometry and profile. */
  public int traces() {
    return traces;
  }

  /** Steps per differential trace. */
  public int steps() {
    return steps;
  }

  /** Lockstep steps against the running kernel. */
  public long kernelSteps() {
    return kernelSteps;
  }

  /** Generated pid-layer traces. */
  public int layerTraces() {
    return layerTraces;
  }

  /** Operations per pid-layer trace. */
  public int layerLength() {
    return layerLength;
  }
}
