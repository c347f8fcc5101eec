package pidmap.spec;

/**
 * The invariants of the pid allocator and of the pid layer: for each, a short stable id, the rule
 * in one plain sentence, and the lines of kernel/pid.c of Linux 2.6.24 it comes from
 * (https://github.com/torvalds/linux/blob/v2.6.24/kernel/pid.c). This is the contract's half of
 * an invariant; the predicate that decides it after a step lives with the checks
 * ({@code pidmap.engine.invariants.Invariants}, {@code pidmap.engine.layer.LayerInvariants}),
 * and the tests that exercise it say so with {@link Checks}. docs/INVARIANTS.md is generated
 * from these and the annotations.
 *
 * <p>Ids appear in failures, docs and on the impl lines that keep them ({@code // keeps
 * [PIDMAP-2]}); they never change meaning.
 */
public enum Invariant {

  ALLOC_1(Part.ALLOCATOR, "ALLOC-1",
      "An allocated pid is never handed out again until it is freed.",
      "153-156"),

  ALLOC_4(Part.ALLOCATOR, "ALLOC-4",
      "Alloc hands out a pid in [1, pid_max).",
      "127-134, 166"),

  ALLOC_2(Part.ALLOCATOR, "ALLOC-2",
      "Alloc fails only when the profile's search rule has no free candidate.",
      "124-182"),

  ALLOC_5(Part.ALLOCATOR, "ALLOC-5",
      "Alloc hands out the pid the profile's search takes, scanning pid by pid as the kernel "
          + "does (the seed's loop; today's cyclic search), and fails when it takes none.",
      "124-182"),

  NEXT_1(Part.ALLOCATOR, "NEXT-1",
      "next(last) returns the smallest allocated pid above last, also above a "
          + "lowered pid_max, or -1 when there is none.",
      "184-200"),

  ALLOC_3(Part.ALLOCATOR, "ALLOC-3",
      "last_pid equals the pid last handed out, or the value last set, "
          + "whichever came later.",
      "126, 155"),

  INPUT_1(Part.ALLOCATOR, "INPUT-1",
      "A refused input leaves the allocated set, last_pid and pid_max exactly "
          + "as they were.",
      "none: the project's rule for bad input"),

  INPUT_3(Part.ALLOCATOR, "INPUT-3",
      "An input is refused exactly when it breaks its bound in the contract (free: an "
          + "allocated pid in [1, pid_max_limit); next: [0, pid_max_limit); set_last: "
          + "[0, pid_max]; set_pid_max: [pid_max_min, pid_max_limit]), and the refusal names "
          + "the parameter and the value.",
      "none: the project's rule for bad input"),

  PIDMAP_1(Part.ALLOCATOR, "PIDMAP-1",
      "Pid 0 is always allocated: it belongs to the idle task and is never "
          + "handed out or freed.",
      "526-527, 654-656"),

  PIDMAP_2(Part.ALLOCATOR, "PIDMAP-2",
      "Every page's free counter equals bits_per_page minus the bits set in it "
          + "(a page never installed counts all its bits free).",
      "115-121, 151-154, 526-531"),

  PIDMAP_3(Part.ALLOCATOR, "PIDMAP-3",
      "A bitmap page exists exactly when it is page 0 or a search has passed through it "
          + "(an alloc installs each page its search enters, and no page is ever freed): "
          + "memory grows with the pids searched, not with pid_max.",
      "66-69, 136-149, 513"),

  PIDMAP_4(Part.ALLOCATOR, "PIDMAP-4",
      "Nothing is lost: the allocated pids are exactly pid 0 and the pids "
          + "handed out and not yet freed.",
      "115-121, 153-156"),

  PID_1(Part.LAYER, "PID-1",
      "Every hashed pid is found by find_pid_ns at every level it has, and a "
          + "pid that is not hashed is found at none.",
      "231-232, 270-276, 290-303"),

  PID_2(Part.LAYER, "PID-2",
      "pid_nr_ns answers the pid's number at the namespace's level when that "
          + "number belongs to that namespace, and 0 otherwise (also for a null pid).",
      "421-431"),

  PID_3(Part.LAYER, "PID-3",
      "A pid is hashed exactly while some task is linked to it; with no task, "
          + "no reference and no pending grace period it is released.",
      "202-239, 320-337"),

  NS_1(Part.LAYER, "NS-1",
      "Each live namespace's bitmap holds exactly pid 0 and the numbers its "
          + "hashed pids have at its level.",
      "224-239, 254-260, 280-285, 526-527"),

  NS_2(Part.LAYER, "NS-2",
      "A namespace's count equals the references held on it (live pids "
          + "allocated in it, live child namespaces, nsproxies, the checker's); it is "
          + "released exactly when that is zero; init_pid_ns stays at 2.",
      "73, 202-216, 264, 521, 553-585"),

  NS_3(Part.LAYER, "NS-3",
      "A namespace is one level below its parent and outlives none of its "
          + "children, and each pid's namespaces form one parent chain from "
          + "init_pid_ns down to where it was allocated.",
      "254-262, 504-524, 566-568"),

  REF_1(Part.LAYER, "REF-1",
      "A live pid's count is the references taken and not put plus one while it "
          + "is hashed or awaiting its grace period; it never goes below zero and a "
          + "released pid has none held.",
      "202-222, 238, 266, 390-419"),

  REF_2(Part.LAYER, "REF-2",
      "A task's usage is one plus the get_pid_task references taken and not "
          + "put.",
      "399-408"),

  LINK_1(Part.LAYER, "LINK-1",
      "A task links a pid as a type exactly when it is once on that pid's list "
          + "of that type, and no link holds a released pid.",
      "306-346"),

  HASH_1(Part.LAYER, "HASH-1",
      "The hash has pidhash_init's size for the configured memory, and every "
          + "number sits on the chain pid_hashfn names for it.",
      "39-42, 627-649"),

  HASH_2(Part.LAYER, "HASH-2",
      "The hash holds each number of each hashed pid exactly once and nothing "
          + "else.",
      "231-233, 270-276"),

  CACHE_1(Part.LAYER, "CACHE-1",
      "There is one cache pid_N per depth of namespace ever created, each "
          + "counting its live pids exactly; the namespace cache counts the live "
          + "namespaces.",
      "455-501, 509, 517, 550, 658"),

  ZAP_1(Part.LAYER, "ZAP-1",
      "After zap_pid_ns_processes the namespace has no child reaper, and a task "
          + "left with a number of 2 or more in it is not running and is one its "
          + "init does not reap: its parent, not reaped, is outside the namespace, "
          + "or (linux-6) it is the init of an inner namespace that still has "
          + "other pids.",
      "589-624"),

  INIT_1(Part.LAYER, "INIT-1",
      "is_container_init holds exactly for tasks whose pid is 1 at its own "
          + "deepest level.",
      "84-97"),

  LOOKUP_1(Part.LAYER, "LOOKUP-1",
      "find_ge_pid(nr, ns) answers the hashed pid with the smallest number at "
          + "least nr in ns, or null.",
      "184-200, 439-450"),

  INPUT_2(Part.LAYER, "INPUT-2",
      "A refused call leaves every pid, namespace, link, count, bitmap and "
          + "cache as it was.",
      "none: the project's rule for bad input"),

  TASK_1(Part.LAYER, "TASK-1",
      "Every zombie is linked as PID, and every pid that a task not yet reaped (running or "
          + "zombie) links as PID, PGID or SID is hashed with its number taken in the bitmap of "
          + "every level it has: a number stays taken while any task, zombie, process group or "
          + "session uses it.",
      "224-239, 306-337"),

  LEAK_1(Part.LAYER, "LEAK-1",
      "After every task exits, every reference is put and a grace period "
          + "passes, every pid cache is empty, every namespace but init_pid_ns is "
          + "released and init_pid_ns's bitmap holds only pid 0.",
      "202-239, 544-551, 576-585");

  /** Which contract an invariant belongs to. */
  public enum Part {
    /** The pid bitmap allocator ({@link PidAllocator}). */
    ALLOCATOR,
    /** The layer above it: struct pid, namespaces, the hash, task links. */
    LAYER
  }

  private final Part part;
  private final String id;
  private final String sentence;
  private final String seedLines;

  Invariant(Part part, String id, String sentence, String seedLines) {
    this.part = part;
    this.id = id;
    this.sentence = sentence;
    this.seedLines = seedLines;
  }

  public Part part() {
    return part;
  }

  /** The stable id, e.g. {@code PIDMAP-2}. */
  public String id() {
    return id;
  }

  /** The rule in one plain sentence. */
  public String sentence() {
    return sentence;
  }

  /** Where in kernel/pid.c of Linux 2.6.24 the rule comes from, e.g. {@code 115-121, 151-154}. */
  public String seedLines() {
    return seedLines;
  }

  /** The invariant with this id. @throws PidmapException when there is none */
  public static Invariant byId(String id) {
    for (Invariant i : values()) {
      if (i.id.equals(id)) {
        return i;
      }
    }
    throw new PidmapException("invariant", id, "an invariant id such as PIDMAP-2 or NS-1");
  }

  @Override
  public String toString() {
    return id;
  }
}
