package pidmap.cli;

import java.nio.file.Path;
import pidmap.engine.StepResult;
import pidmap.trace.TraceLine;

/**
 * What one replay found: its settings, how many steps and expects it checked, the failing step
 * if any, and where the failure's prefix was written (or why it was not). Not thread-safe: one
 * replay fills it.
 */
final class ReplayRun {
  private final String source;
  private final TraceSettings settings;
  private long steps;
  private long expects;
  private StepResult failed;
  private TraceLine failingLine;
  private double seconds;
  private Path prefix;
  private String notWritten;

  ReplayRun(String source, TraceSettings settings) {
    this.source = source;
    this.settings = settings;
  }

  void record(StepResult step, TraceLine line) {
    steps++;
    if (line.expect() != null) {
      expects++;
    }
    if (!step.ok()) {
      failed = step;
      failingLine = line;
    }
  }

  void finish(double seconds) {
    this.seconds = seconds;
  }

  void prefixWritten(Path file) {
    prefix = file;
  }

  void prefixNotWritten(String why) {
    notWritten = why;
  }

  String source() {
    return source;
  }

  TraceSettings settings() {
    return settings;
  }

  long steps() {
    return steps;
  }

  long expects() {
    return expects;
  }

  boolean failed() {
    return failed != null;
  }

  StepResult failedStep() {
    return failed;
  }

  TraceLine failingLine() {
    return failingLine;
  }

  double seconds() {
    return seconds;
  }

  /** The prefix file as a user types it, or null. */
  String prefix() {
    return prefix == null ? null : prefix.toString();
  }

  String notWritten() {
    return notWritten;
  }
}
