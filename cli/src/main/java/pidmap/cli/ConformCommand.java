package pidmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pidmap.kit.Conformance;
import pidmap.kit.agent.AgentException;
import pidmap.kit.agent.AgentFactory;
import pidmap.kit.agent.ProcessAgent;
import pidmap.kit.agent.ReusingFactory;
import pidmap.kit.report.ConformReport;
import pidmap.kit.report.JsonReport;
import pidmap.kit.report.JunitXmlReport;
import pidmap.kit.report.TextReport;
import pidmap.kit.suite.Failure;
import pidmap.kit.suite.SuiteScenario;
import pidmap.kit.suite.ShrinkBudget;
import pidmap.kit.suite.Exchange;
import pidmap.kit.suite.Suite;
import pidmap.kit.suite.Suites;
import pidmap.kit.suite.TraceRun;
import pidmap.kit.suite.Transcript;
import pidmap.oracle.KernelAgent;
import pidmap.oracle.KernelUnavailableException;
import pidmap.spec.Profile;

/**
 * {@code pidmap conform}: checks an agent (docs/AGENT-PROTOCOL.md) against Linux: the named
 * suites, then the generated lockstep campaign; or {@code --replay} of a saved trace. Not
 * thread-safe: picocli makes one instance per run.
 */
@Command(
    name = "conform",
    mixinStandardHelpOptions = true,
    description = {
        "Check anyone's pid allocator against Linux: start the agent (a process speaking the line"
            + " protocol of docs/AGENT-PROTOCOL.md), run the named suites (one per divergence"
            + " class) and a generated lockstep campaign against the model; shrink every failure."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the agent conforms to every suite and the campaign",
        "1:a suite or the campaign failed (a hang, a crash or garbage too)",
        "2:bad flags",
        "3:internal error",
        "4:the agent did not start (nothing tested)"})
public final class ConformCommand implements Callable<Integer> {
  /** Exit status: the agent did not start, or its hello line was not one. */
  public static final int AGENT_UNAVAILABLE = 4;

  @Spec CommandSpec spec;

  @Option(names = "--agent", required = true, paramLabel = "CMD",
      description = "the agent's command line, run by sh; 'kernel' runs the kernel agent")
  String agent;

  @Option(names = "--profile", defaultValue = "linux-6",
      description = "linux-6 or linux-2.6.24 (default: ${DEFAULT-VALUE})")
  String profile;

  @Option(names = "--suite", split = ",", paramLabel = "NAME",
      description = "suites to run (default: all; --list names them)")
  List<String> suites;

  @Option(names = "--steps", defaultValue = "5000",
      description = "steps of the lockstep campaign; 0 for none (default: ${DEFAULT-VALUE})")
  long steps;

  @Option(names = "--layer-steps", paramLabel = "N", defaultValue = "0",
      description = "steps of the pid layer's process-level lockstep against the model (linux-6;"
          + " the agent must offer fork, exit and reap); 0 for none (default: ${DEFAULT-VALUE})")
  long layerSteps;

  @Option(names = "--seed", defaultValue = "1", description = "campaign seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--timeout-ms", defaultValue = "1000",
      description = "the bound on every reply; none comes: a hang (default: ${DEFAULT-VALUE})")
  long timeoutMs;

  @Option(names = "--format", defaultValue = "text", description = "text, json or junit (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "write the report here (default: standard output)")
  Path out;

  @Option(names = "--replay", paramLabel = "FILE", description = "instead: run a saved trace (request => reply lines) on the agent")
  Path replay;

  @Option(names = "--list", description = "instead: list the suites and their scenarios")
  boolean list;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Profile p = Profile.byId(profile);
    List<Suite> chosen = Suites.select(suites);
    if (steps < 0 || timeoutMs < 1) {
      throw new BadInputException(steps < 0 ? "steps: " + steps + " (expected: >= 0)"
          : "timeout-ms: " + timeoutMs + " (expected: >= 1)");
    }
    if (layerSteps < 0) {
      throw new BadInputException("layer-steps: " + layerSteps + " (expected: >= 0)");
    }
    if (!List.of("text", "json", "junit").contains(format)) {
      throw new BadInputException("format: " + format + " (expected: text, json or junit)");
    }
    if (list) {
      for (Suite s : chosen) {
        stdout.println(s.id() + ": " + s.rule());
        for (SuiteScenario sc : s.scenarios()) {
          stdout.println("  - " + sc.name() + (sc.processLevel() ? "  [process level]" : ""));
        }
      }
      return Main.CONFORMS;
    }
    String command = agentCommand(err);
    if (command == null) {
      return AGENT_UNAVAILABLE;
    }
    if (replay != null) {
      return replay(ProcessAgent.factory(command, timeoutMs), stdout);
    }
    ConformReport report;
    try (ReusingFactory agents = ProcessAgent.reusing(command, timeoutMs)) {
      report = Conformance.run(agents, new Conformance.Plan(agent, p, chosen, steps, seed,
          new ShrinkBudget(ShrinkBudget.DEFAULT.maxTries(), ShrinkBudget.DEFAULT.maxMillis(),
          Math.min(timeoutMs, ShrinkBudget.DEFAULT.replyTimeoutMs())), layerSteps),
          line -> err.println("  " + line));
    } catch (AgentException e) {
      err.println("conform: the agent did not start: " + e.getMessage());
      return AGENT_UNAVAILABLE;
    }
    String text = format.equals("json") ? JsonReport.render(report)
        : format.equals("junit") ? JunitXmlReport.render(report) : TextReport.render(report);
    if (out != null) {
      write(out, text);
      stdout.println((report.passed() ? "CONFORMS" : "DOES NOT CONFORM") + "; the " + format
          + " report is in " + out);
    } else {
      stdout.print(text);
    }
    return report.passed() ? Main.CONFORMS : Main.FAILS;
  }

  /** The command line to run; the kernel agent's path for 'kernel'; null if it is missing. */
  private String agentCommand(PrintWriter err) {
    if (!agent.equals("kernel")) {
      return agent;
    }
    try {
      return KernelAgent.binary().toString();
    } catch (KernelUnavailableException e) {
      err.println("conform: the kernel agent is not available: " + e.getMessage());
      return null;
    }
  }

  private int replay(AgentFactory agents, PrintWriter stdout) {
    List<String> lines;
    try {
      lines = Files.readAllLines(replay, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + replay + ": " + e.getMessage());
    }
    List<Exchange> steps;
    try {
      steps = Transcript.parse(lines);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(replay + " " + e.getMessage());
    }
    Failure f = TraceRun.run(agents, steps);
    if (f == null) {
      stdout.println("conforms: " + steps.size() + " steps of " + replay + " answered as Linux");
      return Main.CONFORMS;
    }
    if (f.step() == 0) {
      stdout.println("the agent did not start: " + f.message());
      return AGENT_UNAVAILABLE;
    }
    stdout.println("FAIL at step " + f.step() + " of " + replay + ": " + f.oneLine());
    stdout.println("  " + f.message());
    return Main.FAILS;
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("cannot write the report to " + file + ": " + e.getMessage());
    }
  }
}
