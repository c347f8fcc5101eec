package pidmap.kit.suite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pidmap.engine.Apply;
import pidmap.model.ModelPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * One scenario of a suite: a fresh agent (init is pid 1, last_pid 1) and a short list of
 * requests with Linux's answers. At the allocator level the answers are the model's, for the
 * profile under test, from the pid_max the agent starts with; at the process level they are
 * literal, linux-6 only, as the running kernel gives them. Immutable.
 *
 * @param suite the suite's id
 * @param name what the scenario shows, as a sentence
 * @param reqs the allocator-level requests (empty at the process level)
 * @param literal the process-level steps (empty at the allocator level)
 */
public record SuiteScenario(String suite, String name, List<Req> reqs, List<Exchange> literal) {

  public SuiteScenario {
    reqs = List.copyOf(reqs);
    literal = List.copyOf(literal);
  }

  /** An allocator-level scenario. */
  public static SuiteScenario allocator(String suite, String name, Req... reqs) {
    return new SuiteScenario(suite, name, List.of(reqs), List.of());
  }

  /** A process-level scenario from lines {@code request => reply}. */
  public static SuiteScenario process(String suite, String name, String transcript) {
    List<Exchange> steps = new ArrayList<>();
    for (String line : transcript.strip().split("\n")) {
      int at = line.indexOf("=>");
      steps.add(new Exchange(line.substring(0, at).strip(), line.substring(at + 2).strip(), null));
    }
    return new SuiteScenario(suite, name, List.of(), steps);
  }

  public boolean processLevel() {
    return reqs.isEmpty();
  }

  /** The operations and features an agent must support to run it. */
  public Set<String> needs() {
    Set<String> n = new LinkedHashSet<>();
    for (Req r : reqs) {
      n.add(r.verb());
    }
    for (Exchange s : literal) {
      String[] words = s.request().split(" ");
      n.add(words[0]);
      for (String w : words) {
        if (w.startsWith("flags=")) {
          n.addAll(List.of(w.substring(6).split("\\|")));
        } else if (w.startsWith("set_tid=")) {
          n.add("set_tid");
        } else if (w.startsWith("in=")) {
          n.add("in");
        }
      }
    }
    return n;
  }

  /**
   * The steps with Linux's answers.
   *
   * @param initialPidMax the pid_max the agent says it starts with
   */
  public List<Exchange> steps(Profile profile, int initialPidMax) {
    return processLevel() ? literal : answers(reqs, profile, initialPidMax);
  }

  /** The model's answers to {@code reqs} from a fresh namespace whose init is pid 1. */
  public static List<Exchange> answers(List<Req> reqs, Profile profile, int initialPidMax) {
    Geometry k = Geometry.KERNEL;
    ModelPidAllocator m = new ModelPidAllocator(
        new Geometry(k.bitsPerPage(), k.reservedPids(), k.pidMaxLimit(), initialPidMax), profile);
    m.alloc(); // init: pid 1
    List<Exchange> steps = new ArrayList<>(reqs.size());
    for (Req r : reqs) {
      steps.add(new Exchange(r.request(), answer(m, r), r.rule()));
    }
    return steps;
  }

  private static String answer(ModelPidAllocator m, Req r) {
    switch (r.verb()) {
      case "get_last":
        return "value " + m.lastPid();
      case "get_pid_max":
        return "value " + m.pidMax();
      default:
        return reply(Apply.run(op(r), m));
    }
  }

  static Op op(Req r) {
    switch (r.verb()) {
      case "alloc":
        return Op.alloc();
      case "free":
        return Op.free(r.arg());
      case "next":
        return Op.next(r.arg());
      case "set_last":
        return Op.setLast(r.arg());
      case "set_pid_max":
        return Op.setPidMax(r.arg());
      default:
        throw new IllegalArgumentException("not an allocator operation: " + r.verb());
    }
  }

  /** An outcome as the protocol says it. */
  public static String reply(Outcome o) {
    switch (o.kind()) {
      case PID:
        return "pid " + o.pid();
      case ERRNO:
        return "errno " + o.text();
      case OK:
        return "ok";
      default:
        return "errno EINVAL";
    }
  }
}
