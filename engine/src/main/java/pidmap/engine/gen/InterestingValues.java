package pidmap.engine.gen;

import java.util.SplittableRandom;
import pidmap.spec.Geometry;
import pidmap.trace.Op;

/**
 * Where the interesting values are, for the {@link TraceGenerator}: page edges, the ends of
 * pid_max's and last_pid's ranges, pids next to held ones, and inputs that must be refused. It
 * draws from the generator's own random source, so a seed still fixes the whole trace.
 *
 * <p>Not thread-safe: belongs to one generator.
 */
final class InterestingValues {
  private final Geometry geometry;
  private final SplittableRandom random;
  private final PidPool held;

  InterestingValues(Geometry geometry, SplittableRandom random, PidPool held) {
    this.geometry = geometry;
    this.random = random;
    this.held = held;
  }

  private int limit() {
    return geometry.pidMaxLimit();
  }

  /** A page edge index k >= 1 with k*B <= {@code upTo}, biased to the first and the last. */
  int edgeIndex(long upTo) {
    int kmax = (int) Math.max(1, upTo / geometry.bitsPerPage());
    int roll = random.nextInt(4);
    return roll == 0 ? 1 : roll == 1 ? kmax : 1 + random.nextInt(kmax);
  }

  /** An argument for next: a held pid, one below it, a page edge, 0, pid_max-1, pid_max, L-1. */
  long nextArgument(int pidMax) {
    int b = geometry.bitsPerPage();
    switch (random.nextInt(7)) {
      case 0:
        return held.size() == 0 ? 0 : held.draw(random);
      case 1:
        return held.size() == 0 ? 0 : held.draw(random) - 1;
      case 2:
        return (long) edgeIndex(limit() - 1) * b - 1;
      case 3:
        return Math.min((long) edgeIndex(limit() - 1) * b, limit() - 1);
      case 4:
        return 0;
      case 5:
        return pick(pidMax - 1, Math.min(pidMax, limit() - 1));
      default:
        return limit() - 1;
    }
  }

  /** A pid_max below a live pid when there is one, else pid_max_min, an edge, or lower. */
  long lowerPidMax(int pidMax) {
    int min = geometry.pidMaxMin();
    if (held.size() > 0 && random.nextInt(3) != 0) {
      int h = held.draw(random);
      if (h >= min) {
        return min + random.nextInt(h - min + 1); // h ends up at or above pid_max
      }
    }
    int b = geometry.bitsPerPage();
    switch (random.nextInt(3)) {
      case 0:
        return min;
      case 1:
        return clampPidMax((long) edgeIndex(pidMax) * b + pick(-1, 0, 1));
      default:
        return min + random.nextInt(Math.max(1, pidMax - min + 1));
    }
  }

  /** A pid_max that raises it again: the default, the limit, a page edge, or a bit higher. */
  long raisePidMax(int pidMax) {
    int b = geometry.bitsPerPage();
    switch (random.nextInt(4)) {
      case 0:
        return geometry.defaultPidMax();
      case 1:
        return limit();
      case 2:
        return clampPidMax((long) edgeIndex(limit()) * b + pick(-1, 0, 1));
      default:
        return clampPidMax((long) pidMax + 1 + random.nextInt(2 * b));
    }
  }

  /** {@code v} clamped into [pid_max_min, pid_max_limit]. */
  long clampPidMax(long v) {
    return Math.max(geometry.pidMaxMin(), Math.min(v, limit()));
  }

  /** One input that must be refused (see {@link Move#BAD_INPUT}). */
  Op badInput(int pidMax, int lastFreed) {
    long past = 1L << 33; // past the int range: refused like any other out-of-range value
    switch (random.nextInt(12)) {
      case 0:
      case 1:
        return Op.free(freePid());
      case 2:
        return Op.free(lastFreed > 0 && !held.contains(lastFreed) ? lastFreed : freePid());
      case 3:
        return Op.free(0);
      case 4:
        return Op.free(pick(-1, limit(), past));
      case 5:
        return Op.setPidMax(geometry.pidMaxMin() - 1);
      case 6:
        return Op.setPidMax(pick(limit() + 1L, 0, -past));
      case 7:
        return Op.setLast(-1);
      case 8:
        return Op.setLast(pidMax + 1L);
      case 9:
        return Op.next(-1);
      case 10:
        return Op.next(limit());
      default:
        return Op.next(pick(past, -past));
    }
  }

  /** A pid in [1, pid_max_limit) that the model does not hold: next to a held one, or anywhere. */
  private int freePid() {
    for (int tries = 0; tries < 8; tries++) {
      int pid = held.size() > 0 && random.nextBoolean()
          ? held.draw(random) + (random.nextBoolean() ? 1 : -1)
          : 1 + random.nextInt(limit() - 1);
      if (pid >= 1 && pid < limit() && !held.contains(pid)) {
        return pid;
      }
    }
    for (int pid = 1; pid < limit(); pid++) {
      if (!held.contains(pid)) {
        return pid;
      }
    }
    return 1; // every pid is held: this free is then a valid one, which is harmless
  }

  long pick(long... values) {
    return values[random.nextInt(values.length)];
  }

  int pick(int... values) {
    return values[random.nextInt(values.length)];
  }
}
