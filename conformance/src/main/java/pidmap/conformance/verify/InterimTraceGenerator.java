package pidmap.conformance.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Op;
import pidmap.spec.Outcome;
import pidmap.spec.Profile;

/**
 * Stand-in for {@code pidmap.conformance.gen.TraceGenerator} (branch {@code gen}); delete it when
 * that one is on main and {@link TraceSource#GENERATOR} points there. A seeded random walk that
 * mostly allocates and frees live pids (read from a model it runs alongside), and sometimes sets
 * last_pid or pid_max to an edge, asks next, or frees a pid that is not live. Stateless.
 */
final class InterimTraceGenerator {
  private InterimTraceGenerator() {}

  static List<Op> trace(Geometry g, Profile profile, long seed, int steps) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ModelPidAllocator model = new ModelPidAllocator(g, profile);
    List<Integer> live = new ArrayList<>();
    List<Op> ops = new ArrayList<>(steps);
    for (int i = 0; i < steps; i++) {
      int roll = rnd.nextInt(100);
      Op op;
      if (roll < 50) {
        op = Op.alloc();
      } else if (roll < 78 && !live.isEmpty()) {
        op = Op.free(live.get(rnd.nextInt(live.size())));
      } else if (roll < 83) {
        op = Op.free(rnd.nextInt(-1, g.pidMaxLimit() + 1));
      } else if (roll < 88) {
        op = Op.next(rnd.nextInt(-1, g.pidMaxLimit() + 1));
      } else if (roll < 96) {
        op = Op.setLast(edge(rnd, g, model.pidMax()));
      } else {
        op = Op.setPidMax(rnd.nextBoolean()
            ? edge(rnd, g, g.pidMaxLimit())
            : rnd.nextInt(g.pidMaxMin() - 1, Math.min(g.pidMaxLimit(), 4 * g.defaultPidMax()) + 2));
      }
      Outcome o = op.apply(model);
      if (op.kind() == Op.Kind.ALLOC && o.kind() == Outcome.Kind.PID) {
        live.add(o.pid());
      } else if (op.kind() == Op.Kind.FREE && o.kind() == Outcome.Kind.OK) {
        live.remove(Integer.valueOf((int) op.arg()));
      }
      ops.add(op);
    }
    return ops;
  }

  /** A value near an edge: 0, the reserved range, a page boundary, the top, or just past it. */
  private static long edge(SplittableRandom rnd, Geometry g, int top) {
    int b = g.bitsPerPage();
    switch (rnd.nextInt(6)) {
      case 0:
        return rnd.nextInt(0, 2);
      case 1:
        return g.reservedPids() + rnd.nextInt(-1, 2);
      case 2: {
        long page = (long) rnd.nextInt(0, Math.max(1, top / b) + 1) * b;
        return page + rnd.nextInt(-1, 2);
      }
      case 3:
        return top + rnd.nextInt(-1, 2);
      default:
        return rnd.nextInt(0, top + 1);
    }
  }
}
