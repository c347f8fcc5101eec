package pidmap.trace;

/**
 * A trace line that does not follow the format of docs/DESIGN.md. The message always starts with
 * {@code line N: } and then says what is wrong, naming the field, the value and what was
 * expected, e.g. {@code line 7: free needs "pid" (an integer)}. Immutable.
 */
public final class TraceFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String problem;

  public TraceFormatException(long line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
    this.problem = problem;
  }

  /** The 1-based line number in the trace file. */
  public long line() {
    return line;
  }

  /** What is wrong, without the line number. */
  public String problem() {
    return problem;
  }
}
