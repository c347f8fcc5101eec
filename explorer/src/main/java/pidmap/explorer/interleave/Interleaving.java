package pidmap.explorer.interleave;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import pidmap.explorer.Access;
import pidmap.explorer.ExploreResult;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.impl.PidmapMemory;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;

/**
 * Every interleaving of a {@link Plan}: breadth-first over the states of the threads and the
 * shared memory, each state once, where a step is one shared-memory access of the real
 * allocator code ({@link ScheduledMemory}) by one thread (at an operation boundary, with each
 * operation the thread may start). In every state reached it checks the {@link Property}s,
 * keeping for each the first violation found, which breadth-first order makes one of the fewest
 * steps; at every end state it classifies the history ({@link Histories}).
 *
 * <p>Not thread-safe: one exploration per instance, on the calling thread.
 */
public final class Interleaving {

  /** Builds the allocator under test on the explorer's memory. */
  @FunctionalInterface
  public interface Factory {
    InspectablePidAllocator create(PidmapMemory m, Geometry g, Profile p, LastPidUpdate u);
  }

  /** The impl. */
  public static final Factory IMPL = BitmapPidAllocator::on;

  static final int ALLOC = 0;
  static final int FREE = 1;
  static final int NEXT = 2;
  static final int OK = -2;
  static final int REFUSED = -3;

  private final Plan plan;
  private final Geometry g;
  private final ScheduledMemory memory;
  private final InspectablePidAllocator allocator;
  private final KeySet seen = new KeySet();
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private int[] parents = new int[1024];
  private byte[] movers = new byte[1024];
  private byte[] choices = new byte[1024];
  private int count;
  private int expanded;
  private State rootState;
  private final Map<Property, Violation> violations = new EnumMap<>(Property.class);
  private final Histories histories;
  private long transitions;
  private long ends;
  private final Progress progress;
  private final long start = System.nanoTime();

  /** Told how far an exploration got, every 65,536 states expanded. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (expanded, states, steps, millis) -> { };

    void update(long expanded, long states, long steps, long millis);
  }

  /** How a state was first reached: which thread, what it did. */
  record Edge(int thread, String started, Access access, String finished) {}

  /** The first violation of a property: where, and what. */
  record Violation(int state, String message) {}

  /** A state waiting in the breadth-first queue: its number and its packed form. */
  private record Queued(int id, byte[] bytes) {}

  private Interleaving(Plan plan, Factory factory, Progress progress) {
    this.plan = plan;
    this.progress = progress;
    this.g = plan.geometry();
    this.memory = new ScheduledMemory(g);
    this.allocator = factory.create(memory, g, plan.profile(), plan.update());
    this.allocator.setLastPid(plan.startLastPid());
    this.memory.scheduling = true;
    this.histories = new Histories(plan);
  }

  /** Explores {@code plan} with the impl. */
  public static InterleaveResult explore(Plan plan) {
    return explore(plan, "impl", IMPL);
  }

  /** Explores {@code plan} with the allocator {@code factory} builds. */
  public static InterleaveResult explore(Plan plan, String name, Factory factory) {
    return explore(plan, name, factory, Progress.NONE);
  }

  /** Explores {@code plan} with the allocator {@code factory} builds, telling progress. */
  public static InterleaveResult explore(Plan plan, String name, Factory factory,
      Progress progress) {
    long start = System.nanoTime();
    long cpu = ExploreResult.processCpuMillis();
    Interleaving x = new Interleaving(plan, factory, progress);
    x.run();
    return x.result(name, (System.nanoTime() - start) / 1_000_000,
        cpu < 0 ? -1 : ExploreResult.processCpuMillis() - cpu);
  }

  private void run() {
    Run[] fresh = new Run[plan.threads()];
    Arrays.fill(fresh, Run.fresh());
    rootState = new State(memory, fresh);
    offer(rootState, -1, 0, 0);
    while (!queue.isEmpty()) {
      Queued q = queue.poll();
      State s = State.of(q.bytes(), plan.threads(), memory.slot.length, memory.words.length);
      if ((++expanded & 0xFFFF) == 0) {
        progress.update(expanded, count, transitions, (System.nanoTime() - start) / 1_000_000);
      }
      boolean end = true;
      for (int t = 0; t < plan.threads(); t++) {
        Run r = s.runs[t];
        if (r.idle() && r.done() == plan.ops()) {
          continue;
        }
        end = false;
        if (r.idle()) {
          List<int[]> ops = choices(r);
          for (int c = 0; c < ops.size(); c++) {
            step(q.id(), s, t, c, r.start(ops.get(c)[0], ops.get(c)[1], clock(s)));
          }
        } else {
          step(q.id(), s, t, 0, r);
        }
      }
      if (end) {
        ends++;
        histories.classify(s);
      }
    }
  }

  /** The operations a thread between operations may start: alloc, free of its newest, next. */
  private List<int[]> choices(Run r) {
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

  private static int[] clock(State s) {
    int[] c = new int[s.runs.length];
    for (int t = 0; t < c.length; t++) {
      c[t] = s.runs[t].done();
    }
    return c;
  }

  /** A step: the state it leads to, how, and what it broke. */
  private record Move(State to, Edge edge, List<String> broken) {}

  /** One step of thread {@code t}, in operation {@code r}, from state {@code s}; null when it waits. */
  private Move move(State s, int t, Run r) {
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
      lastPidBackward(r, made, broken);
    }
    if (finished) {
      next = finish(s, t, next, answer, broken);
      done = opName(r.kind, r.arg) + " -> " + answerName(r.kind, answer);
    }
    Run[] runs = s.runs.clone();
    runs[t] = next;
    State n = new State(memory, runs);
    if (n.quiescent()) {
      quiescent(n, broken);
    }
    return new Move(n, new Edge(t, started, made, done), broken);
  }

  private void step(int from, State s, int t, int choice, Run r) {
    Move m = move(s, t, r);
    if (m == null) {
      return; // the thread waits for pidmap_lock
    }
    transitions++;
    int id = offer(m.to(), from, t, choice);
    if (id >= 0) {
      for (String b : m.broken()) {
        violations.putIfAbsent(Property.of(b), new Violation(id, b));
      }
    }
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

  /** The thread's operation is over: the checks on its answer, the pids it now holds. */
  private Run finish(State s, int t, Run r, int answer, List<String> broken) {
    int[] held = r.held;
    if (r.kind == ALLOC && answer >= 0) {
      for (int u = 0; u < s.runs.length; u++) {
        for (int h : s.runs[u].held) {
          if (h == answer && !releasing(s.runs[u], h)) {
            broken.add(Property.OWNERSHIP.prefix() + "thread " + (t + 1) + "'s alloc handed out "
                + answer + ", which thread " + (u + 1) + " holds");
          }
        }
      }
      if (answer < 1 || answer >= g.defaultPidMax()) {
        broken.add(Property.RANGE.prefix() + "alloc handed out " + answer + ", outside [1, "
            + g.defaultPidMax() + ")");
      }
      held = Arrays.copyOf(held, held.length + 1);
      held[held.length - 1] = answer;
    } else if (r.kind == FREE) {
      if (answer == REFUSED) {
        broken.add(Property.OWNERSHIP.prefix() + "thread " + (t + 1) + "'s free of " + r.arg
            + ", which it holds, was refused");
      } else {
        held = Arrays.copyOf(held, held.length - 1); // free takes the newest
      }
    }
    return r.finished(answer, held);
  }

  /** Whether the run is in a free of {@code pid} that has already cleared its bit. */
  private boolean releasing(Run r, int pid) {
    if (r.kind != FREE || r.arg != pid) {
      return false;
    }
    for (int i = 0; i < r.codes.length; i++) {
      if (r.codes[i] >>> 27 == Access.AND_WORD
          && (r.values[i] & (1L << (pid & g.pageMask()))) != 0) {
        return true;
      }
    }
    return false;
  }

  /** LAST-1: an alloc's store of last_pid never replaces a value after its pid. */
  private void lastPidBackward(Run r, Access made, List<String> broken) {
    if (r.kind != ALLOC || r.codes.length == 0 || r.codes[0] >>> 27 != Access.LOAD_LAST) {
      return;
    }
    int base = (int) r.values[0];
    int before = memory.lastPidBefore;
    int stored;
    if (made.kind() == Access.STORE_LAST) {
      stored = (int) made.arg();
    } else if (made.kind() == Access.CAS_LAST && made.value() == made.arg()) {
      stored = made.arg2();
    } else {
      return;
    }
    if (stored != before && LastPidUpdate.pidBefore(base, stored, before)) {
      broken.add(Property.LAST_PID.prefix() + "an alloc that read last_pid " + base
          + " stored " + stored + " over " + before + ", which comes after it");
    }
  }

  /** PIDMAP-2 and PIDMAP-4 when no operation is in flight. */
  private void quiescent(State s, List<String> broken) {
    int bpp = g.bitsPerPage();
    long mask = bpp == 64 ? -1L : (1L << bpp) - 1;
    long held = 1;
    for (Run r : s.runs) {
      for (int h : r.held) {
        held |= 1L << h;
      }
    }
    for (int m = 0; m < s.slot.length; m++) {
      long word = s.slot[m] < 0 ? 0 : s.words[s.slot[m]] & mask;
      if (s.nrFree[m] != bpp - Long.bitCount(word)) {
        broken.add(Property.COUNTERS.prefix() + "page " + m + " has free counter "
            + s.nrFree[m] + " but " + Long.bitCount(word) + " of " + bpp + " bits set");
      }
      long want = m * bpp < 64 ? (held >>> (m * bpp)) & mask : 0;
      if (word != want) {
        int pid = m * bpp + Long.numberOfTrailingZeros(word ^ want);
        broken.add(Property.ALLOCATED.prefix() + "pid " + pid + " is "
            + ((word & Long.lowestOneBit(word ^ want)) != 0 ? "allocated but no thread holds it"
            : "held by a thread but free in the bitmap"));
      }
    }
  }

  /** Adds a state not seen before to the queue; its number, or -1. */
  private int offer(State s, int parent, int mover, int choice) {
    if (!seen.add(s.key())) {
      return -1;
    }
    int id = count++;
    if (id == parents.length) {
      parents = Arrays.copyOf(parents, id * 2);
      movers = Arrays.copyOf(movers, id * 2);
      choices = Arrays.copyOf(choices, id * 2);
    }
    parents[id] = parent;
    movers[id] = (byte) mover;
    choices[id] = (byte) choice;
    queue.add(new Queued(id, s.bytes()));
    return id;
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

  /** The steps from the start to state {@code id}, re-run for their edges; and that state. */
  private Map.Entry<List<Edge>, State> pathTo(int id) {
    ArrayDeque<Integer> chain = new ArrayDeque<>();
    for (int at = id; parents[at] >= 0; at = parents[at]) {
      chain.addFirst(at);
    }
    State s = rootState;
    List<Edge> path = new ArrayList<>();
    for (int at : chain) {
      int t = movers[at];
      Run r = s.runs[t];
      if (r.idle()) {
        int[] op = choices(r).get(choices[at]);
        r = r.start(op[0], op[1], clock(s));
      }
      Move m = move(s, t, r);
      path.add(m.edge());
      s = m.to();
    }
    return Map.entry(path, s);
  }

  private InterleaveResult result(String name, long millis, long cpuMillis) {
    Map<Property, InterleaveResult.Found> found = new EnumMap<>(Property.class);
    for (Map.Entry<Property, Violation> v : violations.entrySet()) {
      Map.Entry<List<Edge>, State> to = pathTo(v.getValue().state());
      List<Edge> path = to.getKey();
      List<Edge> then = v.getKey() == Property.LAST_PID ? consequence(to.getValue())
          : List.of();
      found.put(v.getKey(), new InterleaveResult.Found(v.getValue().message(),
          Table.render(path, then, plan), path.size()));
    }
    return new InterleaveResult(plan, name, count, transitions, ends, found,
        histories.counts(), millis, cpuMillis);
  }

  /**
   * What a backward last_pid costs, from the state where it moved: the fewest further steps to a
   * thread handing out again, at once, the pid its alloc just handed out and its free gave back.
   */
  private List<Edge> consequence(State from) {
    KeySet here = new KeySet();
    List<State> queue = new ArrayList<>();
    List<Integer> back = new ArrayList<>();
    List<Edge> how = new ArrayList<>();
    queue.add(from);
    here.add(from.key());
    back.add(-1);
    how.add(null);
    for (int i = 0; i < queue.size() && i < 1_000_000; i++) {
      State s = queue.get(i);
      for (Run r : s.runs) {
        if (reusedAtOnce(r)) {
          ArrayDeque<Edge> path = new ArrayDeque<>();
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
  }
}
