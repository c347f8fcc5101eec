package pidmap.engine;

import java.util.List;
import pidmap.engine.gen.TraceGenerator;
import pidmap.spec.Geometry;

/**
 * The geometries the differential campaign runs on by default, with their trace counts, and the
 * campaign's first seed and trace length: shared by the property test, the broken-allocator test
 * and the bug zoo, so all three run the same campaign. Immutable.
 */
public final class CampaignGeometries {
  private CampaignGeometries() {}

  /** The first seed of every default campaign. */
  public static final long BASE_SEED = 20_080_124L;
  /** Steps per generated trace. */
  public static final int STEPS = 1_000;

  /**
   * One geometry, how many traces the default run gives it, how long they are and how many
   * allocs one fill to a page edge may take ({@code TraceGenerator}'s budget).
   */
  public record Case(String name, Geometry geometry, int traces, int steps, int edgeFillBudget) {

    public Case(String name, Geometry geometry, int traces) {
      this(name, geometry, traces, STEPS, TraceGenerator.DEFAULT_EDGE_FILL_BUDGET);
    }
  }

  /** Long traces on the kernel's geometry, each with room for fills to the edge at 32768. */
  public static final Case KERNEL_PAGE_EDGES =
      new Case("kernel page edges", Geometry.KERNEL, 5, 40_000, 40_000);

  public static final List<Case> ALL = List.of(
      new Case("kernel", Geometry.KERNEL, 200),
      new Case("bpp=4 reserved=2 pid_max=14", Geometry.small(4, 2, 14), 800),
      new Case("bpp=8 reserved=3 pid_max=21", Geometry.small(8, 3, 21), 500),
      new Case("bpp=64 reserved=10 pid_max=200", Geometry.small(64, 10, 200), 300),
      KERNEL_PAGE_EDGES);
}
