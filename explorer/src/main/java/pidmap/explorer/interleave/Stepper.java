package pidmap.explorer.interleave;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import pidmap.explorer.Access;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidAllocator;
import pidmap.spec.PidmapException;

/**
 * One step of one thread, run for real: the operations a thread may start, the run of its
 * operation on the {@link ScheduledMemory} up to its next access, the checks on what it did, and
 * the state it leads to; and, from a state where last_pid moved backward, the fewest further steps
 * to what that costs. Not thread-safe: it drives the one memory.
 */
final class Stepper {
  private static final int ALLOC = Interleaving.ALLOC;
  private static final int FREE = Interleaving.FREE;
  private static final int NEXT = Interleaving.NEXT;
  private static final int OK = Interleaving.OK;
  private static final int REFUSED = Interleaving.REFUSED;

  private final Plan plan;
  private final ScheduledMemory memory;
  private final InspectablePidAllocator allocator;
  private final PropertyChecks checks;

  Stepper(Plan plan, ScheduledMemory memory, InspectablePidAllocator allocator,
      PropertyChecks checks) {
    this.plan = plan;
    this.memory = memory;
    this.allocator = allocator;
    this.checks = checks;
  }

  /** The operations a thread between operations may start: alloc, free of its newest, next. */
  List<int[]> choices(Run r) {
    List<int[]> out = new ArrayList<>(3);
    out.add(new int[] {ALLOC, 0});
    if (r.newest() >= 0) {
      out.add(new int[] {FREE, r.newest()});
    }
    if (plan.next()) {
      out.add(new int[] {NEXT, 0});
    }
    return out;
  }

  static int[] clock(State s) {
    int[] c = new int[s.runs.length];
    for (int t = 0; t < c.length; t++) {
      c[t] = s.runs[t].done();
    }
    return c;
  }

  /** A step: the state it leads to, how, and what it broke. */
  record Move(State to, Interleaving.Edge edge, List<String> broken) {}

  /** One step of thread {@code t}, in operation {@code r}, from state {@code s}; null when it waits. */
  Move move(State s, int t, Run r) {
    s.restore(memory);
    memory.runner = t;
    memory.step(r);
    int answer;
    boolean finished = true;
    try {
      answer = run(r.kind, r.arg);
    } catch (ScheduledMemory.Preempted p) {
      answer = 0;
      finished = false;
    } catch (ScheduledMemory.Blocked b) {
      return null;
    }
    Access made = memory.made;
    Run next = made == null ? r : r.made(made);
    String started = s.runs[t].idle() ? opName(r.kind, r.arg) : null;
    String done = null;
    List<String> broken = new ArrayList<>();
    if (made != null) {
      checks.lastPidBackward(r, made, memory.lastPidBefore, broken);
    }
    if (finished) {
      next = checks.finish(s, t, next, answer, broken);
      done = opName(r.kind, r.arg) + " -> " + answerName(r.kind, answer);
    }
    Run[] runs = s.runs.clone();
    runs[t] = next;
    State n = new State(memory, runs);
    if (n.quiescent()) {
      checks.quiescent(n, broken);
    }
    return new Move(n, new Interleaving.Edge(t, started, made, done), broken);
  }

  private int run(int kind, int arg) {
    try {
      switch (kind) {
        case ALLOC:
          return allocator.alloc();
        case FREE:
          allocator.free(arg);
          return OK;
        case NEXT:
          return allocator.next(arg);
        default:
          throw new AssertionError(kind);
      }
    } catch (PidmapException e) {
      return REFUSED;
    }
  }

  static String opName(int kind, int arg) {
    return kind == ALLOC ? "alloc()" : kind == FREE ? "free(" + arg + ")" : "next(" + arg + ")";
  }

  static String answerName(int kind, int answer) {
    if (answer == OK) {
      return "ok";
    }
    if (answer == REFUSED) {
      return "refused";
    }
    return Integer.toString(answer == PidAllocator.NO_PID ? -1 : answer);
  }

  /**
   * What a backward last_pid costs, from the state where it moved: the fewest further steps to a
   * thread handing out again, at once, the pid its alloc just handed out and its free gave back.
   */
  List<Interleaving.Edge> consequence(State from) {
    KeySet here = new KeySet();
    List<State> queue = new ArrayList<>();
    List<Integer> back = new ArrayList<>();
    List<Interleaving.Edge> how = new ArrayList<>();
    queue.add(from);
    here.add(from.key());
    back.add(-1);
    how.add(null);
    for (int i = 0; i < queue.size() && i < 1_000_000; i++) {
      State s = queue.get(i);
      for (Run r : s.runs) {
        if (reusedAtOnce(r)) {
          ArrayDeque<Interleaving.Edge> path = new ArrayDeque<>();
          for (int at = i; back.get(at) >= 0; at = back.get(at)) {
            path.addFirst(how.get(at));
          }
          return List.copyOf(path);
        }
      }
      for (int t = 0; t < s.runs.length; t++) {
        Run r = s.runs[t];
        if (r.idle() && r.done() == plan.ops()) {
          continue;
        }
        List<Run> starts = new ArrayList<>();
        if (r.idle()) {
          for (int[] op : choices(r)) {
            starts.add(r.start(op[0], op[1], clock(s)));
          }
        } else {
          starts.add(r);
        }
        for (Run x : starts) {
          Move m = move(s, t, x);
          if (m != null && here.add(m.to().key())) {
            queue.add(m.to());
            back.add(i);
            how.add(m.edge());
          }
        }
      }
    }
    return List.of();
  }

  /** Whether the thread's last three operations were alloc -> p, free(p), alloc -> p. */
  private static boolean reusedAtOnce(Run r) {
    int n = r.done();
    return n >= 3 && r.kinds[n - 3] == ALLOC && r.kinds[n - 2] == FREE && r.kinds[n - 1] == ALLOC
        && r.answers[n - 3] >= 0 && r.args[n - 2] == r.answers[n - 3]
        && r.answers[n - 1] == r.answers[n - 3];
  }}
