package pidmap.kit.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import pidmap.engine.shrink.OpSimplifier;
import pidmap.engine.shrink.Shrinker;
import pidmap.kit.suite.Failure;
import pidmap.kit.suite.Req;
import pidmap.kit.suite.SuiteScenario;
import pidmap.kit.suite.ScenarioRunner;
import pidmap.kit.suite.Exchange;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;

/**
 * Shrinks a diverging campaign episode. Generated episodes fill tiny namespaces with hundreds of
 * allocs, which no removal alone can shorten; so first each run of allocs is tried replaced by
 * the ns_last_pid write that skips it (whole, or up to RESERVED_PIDS), then the engine's trace
 * shrinker runs (ddmin, simpler arguments, compressions of the pid space: a lower pid_max needs
 * fewer allocs). Every candidate runs on a fresh agent. Stateless.
 */
final class CampaignShrink {
  private CampaignShrink() {}

  static List<Req> shrink(List<Req> reqs, Failure f, ScenarioRunner runner, Profile profile) {
    Predicate<List<Req>> failsLike = runner.failsLike(reqs, f);
    Predicate<List<Op>> fails = ops -> failsLike.test(toReqs(ops));
    List<Op> ops = toOps(reqs);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (List<Op> j : jumps(ops, profile, runner.initialPidMax())) {
        if (fails.test(j)) {
          ops = j;
          changed = true;
          break;
        }
      }
    }
    Geometry k = Geometry.KERNEL;
    try {
      ops = Shrinker.shrinkOps(ops, fails, OpSimplifier.forGeometry(new Geometry(
          k.bitsPerPage(), k.reservedPids(), k.pidMaxLimit(), runner.initialPidMax())),
          runner.budget().maxTries());
    } catch (IllegalArgumentException e) {
      // the failure did not come back: keep what the jumps found
    }
    return toReqs(ops);
  }

  /** Each run of 3 or more allocs that all succeed, replaced by a write that skips it. */
  static List<List<Op>> jumps(List<Op> ops, Profile profile, int initialPidMax) {
    List<Exchange> answers = SuiteScenario.answers(toReqs(ops), profile, initialPidMax);
    List<List<Op>> out = new ArrayList<>();
    int i = 0;
    while (i < ops.size()) {
      int j = i;
      while (j < ops.size() && ops.get(j).kind() == Op.Kind.ALLOC
          && answers.get(j).expected().startsWith("pid ")) {
        j++;
      }
      if (j - i >= 3) {
        out.add(splice(ops, i, j, pid(answers.get(j - 1))));
        for (int m = i + 1; m < j; m++) { // keep the allocs from RESERVED_PIDS up
          if (pid(answers.get(m)) >= k().reservedPids() && pid(answers.get(m - 1)) < pid(answers.get(m))) {
            out.add(splice(ops, i, m, pid(answers.get(m)) - 1));
            break;
          }
        }
      }
      i = Math.max(j, i + 1);
    }
    return out;
  }

  private static Geometry k() {
    return Geometry.KERNEL;
  }

  private static int pid(Exchange s) {
    return Integer.parseInt(s.expected().substring(4));
  }

  private static List<Op> splice(List<Op> ops, int from, int to, long last) {
    List<Op> out = new ArrayList<>(ops.subList(0, from));
    out.add(Op.setLast(last));
    out.addAll(ops.subList(to, ops.size()));
    return out;
  }

  static List<Op> toOps(List<Req> reqs) {
    return reqs.stream().map(r -> new Op(kind(r.verb()), r.arg())).toList();
  }

  static List<Req> toReqs(List<Op> ops) {
    return ops.stream().map(o -> new Req(o.kind().wire(), o.arg(), null)).toList();
  }

  private static Op.Kind kind(String verb) {
    for (Op.Kind k : Op.Kind.values()) {
      if (k.wire().equals(verb)) {
        return k;
      }
    }
    throw new IllegalArgumentException("not an allocator operation: " + verb);
  }
}
