package pidmap.oracle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.spec.Profile;
import pidmap.trace.Expect;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * Runs one scenario on the live kernel (a fresh agent, so a fresh PID namespace), the model and
 * the impl in lockstep, and stops at the first step where they disagree.
 *
 * <p>Each step runs at once on the model and the impl through the {@link DifferentialEngine}
 * (which also checks every invariant); the kernel gets the same operations in batches of
 * {@value #BATCH}, at most two batches ahead of the comparison, and each of its answers is
 * compared with the model's in order. Every
 * {@value #CHECK_EVERY} steps and at the end, the kernel's own view is compared too: the pids in
 * its /proc against the holders (the agent checks that no holder died), their number, last_pid
 * (ns_last_pid) and pid_max against the model's.
 *
 * <p>Step 1 is the agent itself: pid 1 of the new namespace is the trace's first alloc, so every
 * trace starts from the fresh state of docs/DESIGN.md. Not thread-safe.
 */
public final class KernelLockstep {
  static final int BATCH = 256;
  static final int CHECK_EVERY = 1024;

  /**
   * What one scenario run did.
   *
   * @param steps steps run, the failing one included
   * @param nanos wall time from the agent's start to the last answer compared
   * @param divergence the first disagreement, or null
   * @param trace the recorded trace (config line first), or empty when not recorded
   * @param events what the steps exercised
   */
  public record Episode(ScenarioKind kind, long seed, int pidMax, long steps, long nanos,
      KernelDivergence divergence, List<String> trace, Map<KernelEvent, Long> events) {

    public boolean ok() {
      return divergence == null;
    }
  }

  private record Pending(long index, Op op, Outcome model) {}

  private final ScenarioKind kind;
  private final long seed;
  private final Scenario scenario;
  private final DifferentialEngine engine;
  private final List<String> trace = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private final Map<KernelEvent, Long> events = new EnumMap<>(KernelEvent.class);
  private KernelDivergence divergence;

  private KernelLockstep(ScenarioKind kind, long seed, Integer pidMax, Profile profile) {
    this.kind = kind;
    this.seed = seed;
    this.scenario = kind.create(seed, pidMax);
    this.engine = new DifferentialEngine(
        KernelTraceLines.geometry(scenario.initialPidMax()), profile);
    trace.add(KernelTraceLines.config(scenario.initialPidMax()));
  }

  /**
   * Runs {@code steps} steps of a scenario on linux-6's model and impl and on the kernel.
   *
   * @param pidMax the scenario's starting pid_max, or null for the kind's own choice
   * @param keepTrace whether to return the whole trace (a divergence always carries its own)
   */
  public static Episode run(ScenarioKind kind, long seed, Integer pidMax, int steps,
      boolean keepTrace) throws KernelUnavailableException, IOException {
    return run(kind, seed, pidMax, steps, keepTrace, Profile.LINUX_6);
  }

  /** As above, against another profile's model and impl (a test shows that one diverges). */
  static Episode run(ScenarioKind kind, long seed, Integer pidMax, int steps, boolean keepTrace,
      Profile profile) throws KernelUnavailableException, IOException {
    KernelLockstep run = new KernelLockstep(kind, seed, pidMax, profile);
    long start = System.nanoTime();
    try (KernelAgent agent = KernelAgent.start(120 + steps / 50)) { // bounds even a slow machine
      run.drive(agent, steps);
    }
    long nanos = System.nanoTime() - start;
    long done = run.divergence != null ? run.divergence.step() : run.engine.steps();
    return new Episode(kind, seed, run.scenario.initialPidMax(), done, nanos, run.divergence,
        keepTrace ? List.copyOf(run.trace) : List.of(), Map.copyOf(run.events));
  }

  private void drive(KernelAgent agent, int steps) throws KernelUnavailableException, IOException {
    KernelAgent.Hello hello = agent.hello();
    if (!hello.pidMaxPerNamespace() || !hello.pidMaxWritable()) {
      throw new KernelUnavailableException("pid_max cannot be set inside a PID namespace on Linux "
          + hello.release() + " (per-namespace pid_max needs Linux 6.14)");
    }
    agent.send(Op.setPidMax(scenario.initialPidMax()));
    if (!agent.receive().equals("ok")) {
      throw new IOException("the kernel agent could not set pid_max " + scenario.initialPidMax());
    }
    // Step 1: the agent's own pid is the namespace's first alloc.
    StepResult first = engine.step(Op.alloc(), null);
    scenario.observe(first.op(), first.reference());
    if (!compare(new Pending(first.index(), first.op(), first.reference()),
        Expect.pid(hello.pid()))) {
      fail(first.index(), "the agent is pid " + hello.pid() + " but the model's first alloc"
          + " answers " + first.reference());
      return;
    }
    if (!first.ok()) {
      fail(first.index(), "model and impl disagree: " + first.failure().message());
      return;
    }
    while (engine.steps() < steps && divergence == null) {
      Op op = scenario.next(engine.model());
      int lastBefore = engine.model().lastPid();
      StepResult r = engine.step(op, null);
      scenario.observe(op, r.reference());
      KernelEvent.tally(op, r.reference(), lastBefore,
          op.kind() == Op.Kind.SET_PID_MAX && engine.model().next(engine.model().pidMax() - 1) >= 0,
          engine.geometry().reservedPids(), events);
      pending.add(new Pending(r.index(), op, r.reference()));
      agent.send(op);
      if (!r.ok()) {
        drain(agent); // an earlier kernel divergence, if any, is the one to report
        if (divergence == null) {
          fail(r.index(), "model and impl disagree: " + r.failure().message());
        }
        return;
      }
      if (pending.size() % BATCH == 0) {
        agent.flush(); // the kernel works on this batch while the next one is generated
        if (pending.size() >= 2 * BATCH) {
          drain(agent, BATCH);
        }
      }
      if (engine.steps() % CHECK_EVERY == 0 && divergence == null) {
        drain(agent);
        checkpoint(agent);
      }
    }
    drain(agent);
    if (divergence == null) {
      checkpoint(agent);
    }
  }

  /** Reads the kernel's answers to every pending step and compares each with the model's. */
  private void drain(KernelAgent agent) throws IOException {
    drain(agent, pending.size());
  }

  /** Reads the kernel's answers to the {@code n} oldest pending steps and compares them. */
  private void drain(KernelAgent agent, int n) throws IOException {
    List<Pending> oldest = pending.subList(0, n);
    for (Pending p : oldest) {
      String reply = agent.receive();
      if (divergence != null) {
        continue; // steps after the first divergence ran on a kernel in another state
      }
      Expect kernel;
      try {
        kernel = KernelAgent.toExpect(reply);
      } catch (IOException e) {
        fail(p.index() - 1, "the kernel agent could not run step " + p.index() + " (" + p.op()
            + "): " + e.getMessage());
        continue;
      }
      if (!compare(p, kernel)) {
        fail(p.index(), "the kernel answers " + kernel + " to " + p.op()
            + " but the model (" + engine.profile() + ") answers " + p.model());
      }
    }
    oldest.clear();
  }

  private boolean compare(Pending p, Expect kernel) {
    trace.add(KernelTraceLines.step(p.op(), kernel));
    return kernel.matches(p.model());
  }

  /** Compares what the kernel's /proc and sysctls show with the model, after every step so far. */
  private void checkpoint(KernelAgent agent) throws IOException {
    agent.send("check");
    agent.send("get_last");
    agent.send("get_pid_max");
    String check = agent.receive();
    long last = Long.parseLong(agent.receive().substring("value ".length()));
    long pidMax = Long.parseLong(agent.receive().substring("value ".length()));
    // The model holds pid 0 (the idle task) besides what /proc shows: pid 1 and the holders.
    String want = "ok count=" + (engine.model().allocatedCount() - 1);
    String what = null;
    if (!check.equals(want)) {
      what = "the kernel's /proc check says '" + check + "', expected '" + want + "'";
    } else if (last != engine.model().lastPid()) {
      what = "ns_last_pid is " + last + " but the model's last_pid is " + engine.model().lastPid();
    } else if (pidMax != engine.model().pidMax()) {
      what = "pid_max is " + pidMax + " but the model's is " + engine.model().pidMax();
    }
    if (what != null) {
      fail(engine.steps(), what + " (checked after step " + engine.steps() + ")");
    }
  }

  private void fail(long step, String message) {
    List<String> prefix = trace.subList(0, (int) Math.min(trace.size(), step + 1));
    divergence = new KernelDivergence(kind, seed, step, message, prefix);
  }
}
