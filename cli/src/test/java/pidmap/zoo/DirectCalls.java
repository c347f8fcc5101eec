package pidmap.zoo;

import java.util.List;
import pidmap.engine.AllocatorFactory;
import pidmap.engine.gen.TraceGenerator;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * A check the engine cannot make: {@code Op.apply} bounds next's start and set_last's value
 * before it calls the allocator, so an allocator that forgot its own bound (CVE-2011-1593, the
 * first ns_last_pid) looks right through the engine. This runs the generator's traces on the
 * model and a candidate by calling the allocator's methods directly and compares the answers,
 * a refusal's message included, and a crash counts as an answer that differs.
 *
 * <p>Not thread-safe; one run per thread.
 */
final class DirectCalls {
  private DirectCalls() {}

  /** Runs traces for seeds {@code firstSeed..} until the first differing answer. */
  static Catch run(String check, Geometry g, Profile p, AllocatorFactory candidate,
      long firstSeed, int traces, int length) {
    long t0 = System.nanoTime();
    long steps = 0;
    for (int i = 0; i < traces; i++) {
      List<Op> ops = TraceGenerator.generate(g, p, firstSeed + i, length);
      InspectablePidAllocator model = new ModelPidAllocator(g, p);
      InspectablePidAllocator cand = candidate.create(g, p);
      for (Op op : ops) {
        steps++;
        String ref = answer(model, op);
        String got = answer(cand, op);
        if (!ref.equals(got)) {
          return new Catch(check, true, steps + " steps (trace " + (i + 1) + ")",
              System.nanoTime() - t0, op + ": the model answers " + ref + ", the candidate " + got);
        }
      }
    }
    return new Catch(check, false, steps + " steps", System.nanoTime() - t0, "");
  }

  /** The answer of one call made directly; an argument past the int range is not callable. */
  static String answer(InspectablePidAllocator a, Op op) {
    long arg = op.arg();
    if (op.kind() != Op.Kind.ALLOC && (int) arg != arg) {
      return "not callable";
    }
    try {
      switch (op.kind()) {
        case ALLOC:
          return Integer.toString(a.alloc());
        case FREE:
          a.free((int) arg);
          return "ok";
        case NEXT:
          return Integer.toString(a.next((int) arg));
        case SET_LAST:
          a.setLastPid((int) arg);
          return "ok";
        case SET_PID_MAX:
          a.setPidMax((int) arg);
          return "ok";
        default:
          throw new AssertionError(op.kind());
      }
    } catch (PidmapException e) {
      return "refused (" + e.getMessage() + ")";
    } catch (RuntimeException e) {
      return "crash (" + e + ")";
    }
  }
}
