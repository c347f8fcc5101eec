package pidmap.kit.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An agent process: {@code sh -c "exec COMMAND"}, requests on its standard input, replies on its
 * standard output, one line each. Every reply (the hello line too) must come within the timeout,
 * else the verdict is a hang and the process and its descendants are killed; an agent whose
 * output ends gets a crash verdict with its exit status and the last lines of its standard
 * error; a line outside the grammar is garbage. pidmap never waits on an agent without a bound.
 *
 * <p>Not thread-safe: one caller drives one agent (two daemon threads of its own read the
 * agent's output and error streams).
 */
public final class ProcessAgent implements Agent {
  private static final String EOF = new String("end of output"); // identity marks the end
  private static final int STDERR_LINES = 8;

  private final String command;
  private final long timeoutMs;
  private final Process process;
  private final OutputStream in;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final Hello hello;
  private boolean dead;

  private ProcessAgent(String command, long timeoutMs, long helloTimeoutMs) throws AgentException {
    this.command = command;
    this.timeoutMs = timeoutMs;
    try {
      process = new ProcessBuilder("sh", "-c", "exec " + command).start();
    } catch (IOException e) {
      throw new AgentException(AgentException.Kind.UNAVAILABLE,
          "cannot start the agent '" + command + "': " + e.getMessage());
    }
    in = process.getOutputStream();
    pump(new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.ISO_8859_1)), true);
    pump(new BufferedReader(new InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8)), false);
    String first = next(helloTimeoutMs, "the hello line");
    if (first == null || first.startsWith("unavailable ")) {
      kill();
      throw new AgentException(AgentException.Kind.UNAVAILABLE, first == null
          ? "the agent '" + command + "' ended before its hello line" + exitAndStderr()
          : "the agent is unavailable on this machine: " + first.substring(12));
    }
    try {
      hello = Hello.parse(first);
    } catch (IllegalArgumentException e) {
      kill();
      throw new AgentException(AgentException.Kind.UNAVAILABLE, e.getMessage());
    }
  }

  /**
   * Starts an agent and reads its hello line.
   *
   * @param timeoutMs the bound on every reply
   * @param helloTimeoutMs the bound on the hello line (an interpreter or a JVM takes a moment)
   * @throws AgentException UNAVAILABLE when it does not start or its hello is not one; HANG when
   *     no hello comes in time
   */
  public static ProcessAgent start(String command, long timeoutMs, long helloTimeoutMs)
      throws AgentException {
    return new ProcessAgent(command, timeoutMs, helloTimeoutMs);
  }

  /**
   * A factory of agents running {@code command}: a fresh process per scenario, or one process
   * reused through {@code reset} when the agent offers it ({@link ReusingFactory}).
   */
  public static ReusingFactory reusing(String command, long timeoutMs) {
    return new ReusingFactory(factory(command, timeoutMs));
  }

  /** A factory of fresh agents running {@code command}. */
  public static AgentFactory factory(String command, long timeoutMs) {
    return new AgentFactory() {
      @Override
      public Agent start() throws AgentException {
        return ProcessAgent.start(command, timeoutMs, Math.max(timeoutMs, 10_000));
      }

      @Override
      public AgentFactory withTimeout(long ms) {
        return factory(command, ms);
      }
    };
  }

  private void pump(BufferedReader r, boolean stdout) {
    Thread t = new Thread(() -> {
      try {
        char[] buf = new char[Reply.MAX_LINE + 1];
        StringBuilder line = new StringBuilder();
        int n;
        while ((n = r.read(buf)) > 0) {
          for (int i = 0; i < n; i++) {
            char c = buf[i];
            if (c == '\n') {
              deliver(stdout, line.toString());
              line.setLength(0);
            } else if (line.length() <= Reply.MAX_LINE) {
              line.append(c);
            }
          }
        }
        if (line.length() > 0) {
          deliver(stdout, line.toString());
        }
      } catch (IOException e) {
        // the stream closed under us: the agent is gone
      }
      if (stdout) {
        lines.add(EOF);
      }
    }, stdout ? "agent-stdout" : "agent-stderr");
    t.setDaemon(true);
    t.start();
  }

  private void deliver(boolean stdout, String line) {
    String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    if (stdout) {
      lines.add(l);
    } else {
      synchronized (stderrTail) {
        stderrTail.addLast(l);
        if (stderrTail.size() > STDERR_LINES) {
          stderrTail.removeFirst();
        }
      }
    }
  }

  /** The next line, null at the end of output; a hang verdict after {@code ms}. */
  private String next(long ms, String what) throws AgentException {
    String line;
    try {
      line = lines.poll(ms, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new AgentException(AgentException.Kind.CRASH, "interrupted while waiting for " + what);
    }
    if (line == null) {
      kill();
      throw new AgentException(AgentException.Kind.HANG,
          "no reply within " + ms + " ms (" + what + "); the agent was killed");
    }
    return line == EOF ? null : line;
  }

  @Override
  public Hello hello() {
    return hello;
  }

  @Override
  public String call(String request) throws AgentException {
    if (dead) {
      throw new AgentException(AgentException.Kind.CRASH, "the agent is no longer running");
    }
    try {
      in.write((request + "\n").getBytes(StandardCharsets.US_ASCII));
      in.flush();
    } catch (IOException e) {
      String why = exitAndStderr();
      kill();
      throw new AgentException(AgentException.Kind.CRASH,
          "the agent stopped reading its input (" + request + ")" + why);
    }
    String line = next(timeoutMs, "the reply to '" + request + "'");
    if (line == null) {
      String why = exitAndStderr();
      kill();
      throw new AgentException(AgentException.Kind.CRASH,
          "the agent ended without answering '" + request + "'" + why);
    }
    if (Reply.isAnswer(line)) {
      return line;
    }
    if (Reply.isError(line)) {
      throw new AgentException(AgentException.Kind.AGENT_ERROR,
          "the agent could not do '" + request + "': " + line);
    }
    kill();
    throw new AgentException(AgentException.Kind.GARBAGE,
        "the reply to '" + request + "' is not in the protocol's grammar: " + Reply.quote(line));
  }

  /** ": exit status N; its last words on stderr: ..." once the process has ended. */
  private String exitAndStderr() {
    try {
      process.waitFor(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    StringBuilder b = new StringBuilder();
    if (!process.isAlive()) {
      b.append(": exit status ").append(process.exitValue());
    }
    synchronized (stderrTail) {
      if (!stderrTail.isEmpty()) {
        b.append("; its last words on stderr: ").append(Reply.quote(stderrTail.peekLast()));
      }
    }
    return b.toString();
  }

  private void kill() {
    dead = true;
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  @Override
  public void close() {
    if (!dead) {
      try {
        in.write("quit\n".getBytes(StandardCharsets.US_ASCII));
        in.close();
        if (process.waitFor(2, TimeUnit.SECONDS)) {
          dead = true;
          return;
        }
      } catch (IOException e) {
        // gone already
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    kill();
  }

  @Override
  public String toString() {
    return command;
  }
}
