package pidmap.oracle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import pidmap.trace.Expect;
import pidmap.trace.Op;

/**
 * Runs a fixed list of operations on the live kernel and returns what it answered: how a trace
 * written by hand (say, one of docs/PROFILES.md) is checked against the kernel. The trace must
 * start from a fresh state with an alloc, which the agent, pid 1, answers by existing.
 * Thread-safe: each call runs its own agent.
 */
public final class KernelReplay {
  private KernelReplay() {}

  /**
   * The kernel's answer to every operation, in order.
   *
   * @param pidMax the trace's config pid_max
   * @param ops the trace's operations, the first an alloc
   * @throws IOException if the agent fails, including on an operation it cannot run (a free of a
   *     pid the kernel does not hold)
   */
  public static List<Expect> answers(int pidMax, List<Op> ops)
      throws KernelUnavailableException, IOException {
    if (ops.isEmpty() || ops.get(0).kind() != Op.Kind.ALLOC) {
      throw new IllegalArgumentException("a kernel trace starts with the alloc that pid 1 answers");
    }
    List<Expect> answers = new ArrayList<>(ops.size());
    try (KernelAgent agent = KernelAgent.start(120 + ops.size() / 50)) {
      KernelAgent.Hello hello = agent.hello();
      if (!hello.pidMaxPerNamespace() || !hello.pidMaxWritable()) {
        throw new KernelUnavailableException("pid_max cannot be set inside a PID namespace on"
            + " Linux " + hello.release() + " (per-namespace pid_max needs Linux 6.14)");
      }
      agent.send(Op.setPidMax(pidMax));
      if (!agent.receive().equals("ok")) {
        throw new IOException("the kernel agent could not set pid_max " + pidMax);
      }
      answers.add(Expect.pid(hello.pid()));
      for (int from = 1; from < ops.size(); from += KernelLockstep.BATCH) {
        int to = Math.min(ops.size(), from + KernelLockstep.BATCH);
        for (Op op : ops.subList(from, to)) {
          agent.send(op);
        }
        for (int i = from; i < to; i++) {
          answers.add(KernelAgent.toExpect(agent.receive()));
        }
      }
    }
    return answers;
  }
}
