package pidmap.oracle;

import pidmap.model.ModelPidAllocator;
import pidmap.trace.Op;

/** The five scenario kinds of the kernel campaign (see {@link ScenarioKind}); each not thread-safe. */
final class KernelScenarios {
  private KernelScenarios() {}

  /**
   * pid_max 301-320: fill the namespace until alloc fails, free a few (last_pid, low pids,
   * random ones), write ns_last_pid at an edge now and then, and fill again.
   */
  static final class TinyExhaustion extends Scenario {
    TinyExhaustion(long seed, Integer pidMax) {
      super(seed, pidMax != null ? pidMax : PID_MAX_MIN + new java.util.Random(seed).nextInt(20));
    }

    @Override
    void planRound(ModelPidAllocator m) {
      if (!exhausted(m)) {
        then(Op.alloc());
        return;
      }
      then(Op.alloc()); // fails: EAGAIN
      int frees = 1 + rnd.nextInt(6);
      for (int i = 0; i < frees; i++) {
        int r = rnd.nextInt(4);
        then(r == 0 ? this::freeLastPid : r == 1 ? this::freeLow : this::freeRandom);
      }
      if (rnd.nextInt(10) < 3) {
        then(mm -> Op.setLast(lastPidEdge(mm)));
      }
      if (rnd.nextInt(10) < 2) {
        then(this::nextFromSomewhere);
      }
      then(Op.alloc());
    }
  }

  /** ns_last_pid written at its edges (0, 1, around R, around pid_max, one past it), then allocs. */
  static final class LastPidEdges extends Scenario {
    private static final int[] PID_MAXES = {301, 302, 320, 512, 1000, 32768};

    LastPidEdges(long seed, Integer pidMax) {
      super(seed, pidMax != null ? pidMax : choose(seed));
    }

    private static int choose(long seed) {
      java.util.Random r = new java.util.Random(seed);
      return r.nextBoolean() ? PID_MAXES[r.nextInt(PID_MAXES.length)] : PID_MAX_MIN + r.nextInt(65536);
    }

    @Override
    void planRound(ModelPidAllocator m) {
      if (rnd.nextInt(12) == 0) {
        then(this::invalidWrite);
      }
      then(mm -> Op.setLast(lastPidEdge(mm)));
      allocs(1 + rnd.nextInt(4));
      int r = rnd.nextInt(10);
      if (r < 4) {
        then(this::freeLastPid);
        then(Op.alloc()); // does the freed last_pid come back? (not while others are free)
      } else if (r < 7) {
        then(this::freeRandom);
      }
      if (rnd.nextInt(8) == 0) {
        then(this::nextFromSomewhere);
      }
      trimTo(40);
    }
  }

  /** Live pids high up, then pid_max lowered below them: the wrap, next above pid_max, raising. */
  static final class PidMaxLowered extends Scenario {
    PidMaxLowered(long seed, Integer pidMax) {
      super(seed, pidMax != null ? pidMax : 1000 + new java.util.Random(seed).nextInt(40000));
    }

    @Override
    void planRound(ModelPidAllocator m) {
      int top = initialPidMax();
      then(Op.setPidMax(top));
      then(mm -> Op.setLast(Math.max(0, top - 2 - rnd.nextInt(50))));
      allocs(2 + rnd.nextInt(5));
      then(mm -> Op.setPidMax(lowered(mm)));
      allocs(1 + rnd.nextInt(4)); // last_pid is above pid_max now: the search wraps to the floor
      then(this::nextFromSomewhere);
      then(mm -> Op.next(Math.max(0, mm.pidMax() - 1L)));
      if (rnd.nextBoolean()) {
        then(mm -> Op.setLast(mm.pidMax())); // the largest value ns_last_pid takes
        then(Op.alloc());
      }
      if (rnd.nextInt(6) == 0) {
        then(this::invalidWrite);
      }
      for (int i = rnd.nextInt(4); i > 0; i--) {
        then(this::freeRandom);
      }
      trimTo(40);
    }

    /** A pid_max below some live pid: exactly at it, just above or below it, or the minimum. */
    private int lowered(ModelPidAllocator m) {
      int h = held.drawOrNone(rnd);
      int v;
      switch (rnd.nextInt(4)) {
        case 0:
          v = h;
          break;
        case 1:
          v = h + 1;
          break;
        case 2:
          v = h - 1;
          break;
        default:
          v = PID_MAX_MIN + rnd.nextInt(Math.max(1, h - PID_MAX_MIN));
      }
      return Math.max(PID_MAX_MIN, Math.min(PID_MAX_LIMIT, v));
    }
  }

  /** pid_max 32768-131072 with last_pid near multiples of 32768 (a 2.6.24 bitmap page). */
  static final class PageBoundary extends Scenario {
    private static final int PAGE = 32768;
    private static final int[] PID_MAXES = {32768, 32769, 65535, 65536, 65537, 98304, 131072};

    PageBoundary(long seed, Integer pidMax) {
      super(seed, pidMax != null ? pidMax : choose(seed));
    }

    private static int choose(long seed) {
      java.util.Random r = new java.util.Random(seed);
      return r.nextBoolean() ? PID_MAXES[r.nextInt(PID_MAXES.length)] : PAGE + r.nextInt(3 * PAGE + 1);
    }

    @Override
    void planRound(ModelPidAllocator m) {
      int edge = PAGE * (1 + rnd.nextInt(Math.max(1, m.pidMax() / PAGE)));
      long v = Math.max(0, Math.min(m.pidMax(), edge - 3L + rnd.nextInt(6)));
      if (rnd.nextInt(5) == 0) { // obstacles: hold the pids at the edge, then search across them
        then(Op.setLast(Math.min(m.pidMax(), edge - 1L)));
        allocs(2);
      }
      then(Op.setLast(v));
      allocs(1 + rnd.nextInt(4));
      if (rnd.nextInt(10) < 3) {
        then(Op.next(Math.max(0, edge - 2L + rnd.nextInt(4))));
      }
      int r = rnd.nextInt(10);
      if (r < 3) {
        then(this::freeLastPid);
        then(Op.alloc());
      } else if (r < 7) {
        then(this::freeRandom);
      }
      trimTo(50);
    }
  }

  /** pid_max 301-330, filled once, then random allocs and frees right at exhaustion. */
  static final class Churn extends Scenario {
    Churn(long seed, Integer pidMax) {
      super(seed, pidMax != null ? pidMax : PID_MAX_MIN + new java.util.Random(seed).nextInt(30));
    }

    @Override
    void planRound(ModelPidAllocator m) {
      int r = rnd.nextInt(100);
      if (r < 48) {
        then(Op.alloc());
      } else if (r < 58) {
        then(mm -> freeLastPid(mm) != null ? freeLastPid(mm) : freeRandom(mm));
      } else if (r < 94) {
        then(this::freeRandom);
      } else if (r < 97) {
        then(mm -> Op.setLast(lastPidEdge(mm)));
      } else {
        then(this::nextFromSomewhere);
      }
    }
  }
}
