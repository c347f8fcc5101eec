package pidmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import pidmap.engine.DifferentialEngine;
import pidmap.engine.StepResult;
import pidmap.engine.report.Case;
import pidmap.engine.report.Format;
import pidmap.engine.report.JsonReport;
import pidmap.engine.report.JunitXml;
import pidmap.trace.TraceLine;
import pidmap.trace.TraceReader;

/**
 * A replay's verdict in the chosen format: the text a person reads, one JSON object, or a JUnit
 * XML suite with one test case per step (docs/CLI.md gives the schemas). JUnit's counts come
 * before its cases, so the steps are run a second time from the trace (or its stdin spool) to
 * write them; memory stays flat. Not thread-safe.
 */
final class ReplayOutput {
  private final PrintWriter out;
  private final Format format;

  ReplayOutput(PrintWriter out, Format format) {
    this.out = out;
    this.format = format;
  }

  void print(ReplayRun run, TraceInput input) {
    switch (format) {
      case JSON:
        JsonReport.write(out, json(run));
        break;
      case JUNIT:
        junit(run, input);
        break;
      default:
        text(run);
        break;
    }
  }

  private void text(ReplayRun run) {
    if (!run.failed()) {
      out.println(Reports.summary(run.steps(), run.expects(), run.settings().profile(),
          run.settings().geometry(), run.seconds()));
      return;
    }
    Reports.failure(out, run.failedStep(), run.failingLine(), run.source());
    Reports.reproduce(out, run.prefix(), run.failedStep().index(), run.notWritten());
  }

  static Map<String, Object> json(ReplayRun run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", "replay");
    m.put("trace", run.source());
    m.put("profile", run.settings().profile().id());
    m.put("geometry", run.settings().geometry().label());
    m.put("verdict", run.failed() ? "fails" : "conforms");
    m.put("steps", run.steps());
    m.put("expects", run.expects());
    m.put("seconds", run.seconds());
    if (run.failed()) {
      StepResult s = run.failedStep();
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("step", s.index());
      f.put("line", run.failingLine().line());
      f.put("op", s.op().toString());
      f.put("kind", Reports.kindWord(s.failure().kind()));
      f.put("side", s.failure().side().name().toLowerCase(java.util.Locale.ROOT));
      f.put("expect", run.failingLine().expect() == null ? null
          : run.failingLine().expect().toString());
      f.put("model", s.reference().toString());
      f.put("impl", s.candidate().toString());
      f.put("message", s.failure().message());
      f.put("prefix", run.prefix());
      f.put("replay", run.prefix() == null ? null : "./pidmap replay " + run.prefix());
      if (run.prefix() == null) {
        f.put("not_written", run.notWritten());
      }
      m.put("failure", f);
    }
    return m;
  }

  private void junit(ReplayRun run, TraceInput input) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("trace", run.source());
    props.put("profile", run.settings().profile().id());
    props.put("geometry", run.settings().geometry().label());
    JunitXml xml = new JunitXml(out).begin(new JunitXml.Suite("pidmap replay " + run.source(),
        run.steps(), run.failed() ? 1 : 0, 0, 0, run.seconds(), props));
    String group = "pidmap.replay." + ReplayCommand.stem(run.source());
    java.nio.file.Path source;
    try {
      source = input.replayable();
    } catch (IllegalStateException noSpool) {
      // standard input could not be kept: one case for the whole trace
      xml.testCase(run.failed()
          ? new Case(run.source(), group, Case.Status.FAIL, run.seconds(),
              run.failedStep().failure().message(), failureText(run))
          : Case.pass(run.source(), group, run.seconds()));
      xml.end();
      return;
    }
    try (TraceReader again = TraceReader.open(source)) {
      DifferentialEngine engine =
          new DifferentialEngine(run.settings().geometry(), run.settings().profile());
      for (long i = 0; i < run.steps() && again.hasNext(); i++) {
        TraceLine line = again.next();
        StepResult step = engine.step(line.op(), line.expect());
        xml.testCase(step.ok() ? Case.pass(Reports.stepLine(step, line), group, 0)
            : new Case(Reports.stepLine(step, line), group, Case.Status.FAIL, 0,
                step.failure().message(), failureText(run)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    xml.end();
  }

  private static String failureText(ReplayRun run) {
    java.io.StringWriter text = new java.io.StringWriter();
    PrintWriter w = new PrintWriter(text);
    Reports.failure(w, run.failedStep(), run.failingLine(), run.source());
    Reports.reproduce(w, run.prefix(), run.failedStep().index(), run.notWritten());
    w.flush();
    return text.toString();
  }
}
