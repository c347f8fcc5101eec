package pidmap.oracle;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import pidmap.trace.Expect;
import pidmap.trace.Op;

/**
 * One running kernel agent: pid 1 of a fresh PID namespace (see {@code pidmap-agent.c} for the
 * protocol). Requests are buffered and sent in batches; {@link #receive()} flushes before it
 * reads, so a caller may queue many requests and then read their replies in order.
 *
 * <p>Lifetime: {@link #close()} ends the agent and with it, by the kernel's hand, every holder in
 * its namespace; the agent also ends itself when its input closes or its time bound passes.
 *
 * <p>Not thread-safe: one caller drives one agent.
 */
public final class KernelAgent implements AutoCloseable {

  /** The agent's first line: the namespace as it found it. */
  public record Hello(
      int pid, int pidMax, int lastPid, boolean pidMaxPerNamespace, boolean pidMaxWritable,
      String release) {}

  private final Process process;
  private final BufferedWriter requests;
  private final BufferedReader replies;
  private final Hello hello;
  private int unanswered;

  private KernelAgent(Process process, Hello hello, BufferedWriter requests,
      BufferedReader replies) {
    this.process = process;
    this.hello = hello;
    this.requests = requests;
    this.replies = replies;
  }

  /**
   * Starts an agent in a fresh namespace, bounded to {@code maxSeconds} of life.
   *
   * @throws KernelUnavailableException if the machine does not allow it, saying why
   */
  public static KernelAgent start(int maxSeconds) throws KernelUnavailableException {
    Path binary = AgentBinary.locate();
    Process p;
    try {
      p = new ProcessBuilder(binary.toString(), "--max-seconds", Integer.toString(maxSeconds))
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException e) {
      throw new KernelUnavailableException("cannot run the kernel agent " + binary + ": "
          + e.getMessage());
    }
    BufferedWriter w = new BufferedWriter(
        new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII), 1 << 16);
    BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII), 1 << 16);
    String first;
    try {
      first = r.readLine();
    } catch (IOException e) {
      first = null;
    }
    if (first == null || !first.startsWith("hello ")) {
      p.destroyForcibly();
      if (first != null && first.startsWith("unavailable ")) {
        throw new KernelUnavailableException("the kernel refused the agent's namespaces ("
            + first.substring("unavailable ".length())
            + "); the kernel oracle needs root, or unprivileged user namespaces");
      }
      throw new KernelUnavailableException("the kernel agent did not start (it said: "
          + first + ")");
    }
    return new KernelAgent(p, parseHello(first), w, r);
  }

  static Hello parseHello(String line) {
    Map<String, String> f = new HashMap<>();
    for (String word : line.substring("hello ".length()).split(" ")) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        f.put(word.substring(0, eq), word.substring(eq + 1));
      }
    }
    return new Hello(
        Integer.parseInt(f.getOrDefault("pid", "-1")),
        Integer.parseInt(f.getOrDefault("pid_max", "-1")),
        Integer.parseInt(f.getOrDefault("last", "-1")),
        "yes".equals(f.get("pid_max_per_ns")),
        "yes".equals(f.get("pid_max_writable")),
        f.getOrDefault("release", "?"));
  }

  /**
   * The kernel agent's executable, for a caller that runs it as an agent of the protocol in
   * docs/AGENT-PROTOCOL.md (the conformance kit's {@code --agent kernel}).
   *
   * @throws KernelUnavailableException when it was not built or this is not Linux
   */
  public static Path binary() throws KernelUnavailableException {
    return AgentBinary.locate();
  }

  public Hello hello() {
    return hello;
  }

  /** The request line for an operation of the trace vocabulary. */
  static String request(Op op) {
    return op.kind() == Op.Kind.ALLOC ? "alloc" : op.kind().wire() + " " + op.arg();
  }

  /** Queues one request line. */
  public void send(String request) throws IOException {
    requests.write(request);
    requests.write('\n');
    unanswered++;
  }

  /** Queues an operation of the trace vocabulary. */
  public void send(Op op) throws IOException {
    send(request(op));
  }

  /** Sends what is queued. */
  public void flush() throws IOException {
    requests.flush();
  }

  /** Reads the reply to the oldest unanswered request, sending queued requests first. */
  public String receive() throws IOException {
    if (unanswered == 0) {
      throw new IllegalStateException("no request is waiting for a reply");
    }
    requests.flush();
    String line = replies.readLine();
    if (line == null) {
      throw new IOException("the kernel agent ended unexpectedly (exit status "
          + (process.isAlive() ? "?" : process.exitValue()) + ")");
    }
    unanswered--;
    return line;
  }

  /**
   * The kernel's answer to an operation, as a trace {@code expect}: "pid N", "errno NAME" and
   * "ok" map to a pid, an errno name and {@code ok}.
   *
   * @throws IOException when the agent reports its own failure ("error ...")
   */
  public static Expect toExpect(String reply) throws IOException {
    if (reply.startsWith("pid ")) {
      return Expect.pid(Integer.parseInt(reply.substring(4).trim()));
    }
    if (reply.startsWith("errno ")) {
      return Expect.named(reply.substring(6).trim());
    }
    if (reply.equals("ok")) {
      return Expect.named("ok");
    }
    throw new IOException("the kernel agent failed: " + reply);
  }

  /** Ends the agent; the kernel then kills every holder of its namespace. Idempotent. */
  @Override
  public void close() {
    try {
      requests.write("quit\n");
      requests.flush();
      requests.close();
    } catch (IOException e) {
      // already gone: nothing to tell it
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
