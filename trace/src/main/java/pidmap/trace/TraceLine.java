package pidmap.trace;

import java.util.Objects;

/**
 * One operation line of a trace. Immutable.
 *
 * @param op the operation
 * @param expect what the trace's author says the answer is, or null when the line has none
 * @param line the 1-based line number in the file it came from (0 for a line made in memory)
 */
public record TraceLine(Op op, Expect expect, long line) {

  public TraceLine {
    Objects.requireNonNull(op, "op");
  }

  /** The line as the writer prints it: {@code {"op":"alloc","expect":1}}. */
  public String toJson() {
    return TraceWriter.line(op, expect);
  }
}
