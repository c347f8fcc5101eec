package pidmap.explorer;

import java.util.List;
import pidmap.engine.AllocatorFactory;
import pidmap.impl.BitmapPidAllocator;
import pidmap.impl.LastPidUpdate;
import pidmap.impl.PidmapMemory;
import pidmap.spec.Geometry;
import pidmap.spec.InspectablePidAllocator;
import pidmap.spec.PidmapException;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * What the explorer checks against the model. {@link #impl} and {@link #onMemory} run the real
 * allocator code on the explorer's own {@link PidmapMemory}, which puts it at any state in a few
 * writes and reads its whole concrete state back (installed pages, every page's bits and free
 * counter, last_pid, pid_max); {@link #blackBox} takes any allocator, reaches each state by
 * replaying a path to it and reads the state through its inspection view (slow; for tests and
 * the bug zoo). Immutable; {@link #positioned} gives each worker thread its own instance.
 */
public abstract sealed class Candidate permits Candidate.OnMemory, Candidate.BlackBox {

  /** Builds an allocator on a fresh memory the explorer provides. */
  @FunctionalInterface
  public interface MemoryFactory {
    InspectablePidAllocator create(PidmapMemory memory, Geometry g, Profile p);
  }

  private final String name;

  private Candidate(String name) {
    this.name = name;
  }

  /** A short name for reports, e.g. {@code impl}. */
  public String name() {
    return name;
  }

  /** The impl ({@link BitmapPidAllocator}) with this last_pid update, on the explorer's memory. */
  public static Candidate impl(LastPidUpdate update) {
    return onMemory("impl", (m, g, p) -> BitmapPidAllocator.on(m, g, p, update));
  }

  /** The impl with the seed's last_pid store. */
  public static Candidate impl() {
    return impl(LastPidUpdate.SEED_PLAIN_STORE);
  }

  /** An allocator built on the explorer's memory, e.g. a broken twin of the impl. */
  public static Candidate onMemory(String name, MemoryFactory factory) {
    return new OnMemory(name, factory);
  }

  /** Any allocator, reached at each state by replaying a path (slow). */
  public static Candidate blackBox(String name, AllocatorFactory factory) {
    return new BlackBox(name, factory);
  }

  /** Whether {@link #positioned} reaches a state in O(1) (else it replays a path). */
  abstract boolean direct();

  abstract Positioned positioned(Geometry g, Profile p);

  /** One worker's allocator, put at a state on demand. Not thread-safe. */
  interface Positioned {
    /** Puts the allocator at {@code state}, reached by {@code path} (used only by a black box). */
    void position(long state, List<Op> path);

    /** Runs the operation of {@code code} (see {@link Ops#run}). */
    int run(int code, PidmapException[] refusal);

    /**
     * Null when the allocator's state is {@code expected}; otherwise what differs, as the
     * invariant it breaks when it names one. {@code before} is the state it was put at.
     */
    String differs(long expected, long before);
  }

  /**
   * This candidate running its real code for every step, where {@link #onMemory} remembers each
   * distinct run and replays it ({@link Replays}); for checking the replays, and for an allocator
   * that keeps state outside its memory. A black box is returned as it is.
   */
  public Candidate withoutReplays() {
    return this instanceof OnMemory m ? new OnMemory(name(), m.factory, false) : this;
  }

  /** A fresh allocator on a fresh explorer memory, and that memory: for the fresh-state check. */
  abstract String freshDiffers(Geometry g, Profile p);

  static final class OnMemory extends Candidate {
    private final MemoryFactory factory;
    private final boolean replays;

    OnMemory(String name, MemoryFactory factory) {
      this(name, factory, true);
    }

    OnMemory(String name, MemoryFactory factory, boolean replays) {
      super(name);
      this.factory = factory;
      this.replays = replays;
    }

    @Override
    String freshDiffers(Geometry g, Profile p) {
      SequentialMemory memory = new SequentialMemory(g);
      factory.create(memory, g, p);
      return ConcreteState.differs(memory, StateCode.fresh(g), g);
    }

    @Override
    boolean direct() {
      return true;
    }

    @Override
    Positioned positioned(Geometry g, Profile p) {
      if (replays) {
        return new Replays(factory, g, p);
      }
      SequentialMemory memory = new SequentialMemory(g);
      InspectablePidAllocator a = factory.create(memory, g, p);
      return new Positioned() {
        @Override
        public void position(long state, List<Op> path) {
          memory.position(state);
        }

        @Override
        public int run(int code, PidmapException[] refusal) {
          return Ops.run(a, code, refusal);
        }

        @Override
        public String differs(long expected, long before) {
          if (!memory.wrote && expected == before) {
            return null; // nothing was written: the memory is as it was put
          }
          return ConcreteState.differs(memory, expected, g);
        }
      };
    }
  }

  static final class BlackBox extends Candidate {
    private final AllocatorFactory factory;

    BlackBox(String name, AllocatorFactory factory) {
      super(name);
      this.factory = factory;
    }

    @Override
    boolean direct() {
      return false;
    }

    @Override
    String freshDiffers(Geometry g, Profile p) {
      return ConcreteState.differs(factory.create(g, p), StateCode.fresh(g), g);
    }

    @Override
    Positioned positioned(Geometry g, Profile p) {
      return new Positioned() {
        InspectablePidAllocator a;

        @Override
        public void position(long state, List<Op> path) {
          a = factory.create(g, p);
          for (Op op : path) {
            Ops.run(a, Ops.code(op), null);
          }
        }

        @Override
        public int run(int code, PidmapException[] refusal) {
          return Ops.run(a, code, refusal);
        }

        @Override
        public String differs(long expected, long before) {
          return ConcreteState.differs(a, expected, g);
        }
      };
    }
  }
}
