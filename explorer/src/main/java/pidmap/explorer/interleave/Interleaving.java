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
  private final Stepper stepper;
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
    this.stepper = new Stepper(plan, memory, allocator, new PropertyChecks(g));
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
          List<int[]> ops = stepper.choices(r);
          for (int c = 0; c < ops.size(); c++) {
            step(q.id(), s, t, c, r.start(ops.get(c)[0], ops.get(c)[1], Stepper.clock(s)));
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

  private void step(int from, State s, int t, int choice, Run r) {
    Stepper.Move m = stepper.move(s, t, r);
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
        int[] op = stepper.choices(r).get(choices[at]);
        r = r.start(op[0], op[1], Stepper.clock(s));
      }
      Stepper.Move m = stepper.move(s, t, r);
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
      List<Edge> then = v.getKey() == Property.LAST_PID ? stepper.consequence(to.getValue())
          : List.of();
      found.put(v.getKey(), new InterleaveResult.Found(v.getValue().message(),
          InterleavingTable.render(path, then, plan), path.size()));
    }
    return new InterleaveResult(plan, name, count, transitions, ends, found,
        histories.counts(), millis, cpuMillis);
  }


}
