package pidmap.spec;

/**
 * A refused input: names the parameter, the value and the bound it broke.
 *
 * <p>Every message has one shape, {@code "<parameter>: <value> (expected: <bound>)"}, so that a
 * model and an impl that refuse the same input refuse it with the same words, and a test can
 * assert the exact text. An operation that throws this leaves the allocator exactly as it was.
 */
public final class PidmapException extends IllegalArgumentException {
  private final String parameter;
  private final String value;
  private final String expected;

  public PidmapException(String parameter, long value, String expected) {
    this(parameter, Long.toString(value), expected);
  }

  public PidmapException(String parameter, String value, String expected) {
    super(parameter + ": " + value + " (expected: " + expected + ")");
    this.parameter = parameter;
    this.value = value;
    this.expected = expected;
  }

  /** The name of the refused parameter, as the trace format and the command line spell it. */
  public String parameter() {
    return parameter;
  }

  /** The refused value. */
  public String value() {
    return value;
  }

  /** The bound, in words: what would have been accepted. */
  public String expected() {
    return expected;
  }
}
