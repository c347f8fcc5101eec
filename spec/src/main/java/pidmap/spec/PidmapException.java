package pidmap.spec;

import java.util.function.Supplier;

/**
 * A refused input: names the parameter, the value and the bound it broke.
 *
 * <p>Every message has one shape, {@code "<parameter>: <value> (expected: <bound>)"}, so that a
 * model and an impl that refuse the same input refuse it with the same words, and a test can
 * assert the exact text. An operation that throws this leaves the allocator exactly as it was.
 *
 * <p>A refusal is an answer, not a bug: it carries no stack trace, and its words are put together
 * only when asked for (the exhaustive explorer meets tens of millions of refusals, and filling in
 * a stack trace or a message would cost more than the operation). Not thread-safe, like any
 * exception; it is built and read by one thread.
 */
public final class PidmapException extends IllegalArgumentException {
  private final String parameter;
  private final long number;
  private String value;
  private Supplier<String> bound;
  private String expected;
  private String message;

  public PidmapException(String parameter, long value, String expected) {
    this(parameter, value, null, expected, null);
  }

  public PidmapException(String parameter, String value, String expected) {
    this(parameter, 0, value, expected, null);
  }

  /** A refusal whose bound is put into words only when the message is read. */
  public PidmapException(String parameter, long value, Supplier<String> expected) {
    this(parameter, value, null, null, expected);
  }

  private PidmapException(
      String parameter, long number, String value, String expected, Supplier<String> bound) {
    super();
    this.parameter = parameter;
    this.number = number;
    this.value = value;
    this.expected = expected;
    this.bound = bound;
  }

  /** No stack trace: see the class comment. */
  @Override
  public Throwable fillInStackTrace() {
    return this;
  }

  @Override
  public String getMessage() {
    if (message == null) {
      message = parameter + ": " + value() + " (expected: " + expected() + ")";
    }
    return message;
  }

  /** The name of the refused parameter, as the trace format and the command line spell it. */
  public String parameter() {
    return parameter;
  }

  /** The refused value. */
  public String value() {
    if (value == null) {
      value = Long.toString(number);
    }
    return value;
  }

  /** The bound, in words: what would have been accepted. */
  public String expected() {
    if (expected == null) {
      expected = bound.get();
      bound = null;
    }
    return expected;
  }

  /**
   * Whether {@code other} refuses the same parameter with the same value, without putting either
   * bound into words (the bounds come from {@link Require} on both sides).
   */
  public boolean sameRefusal(PidmapException other) {
    if (!parameter.equals(other.parameter)) {
      return false;
    }
    return value == null && other.value == null ? number == other.number
        : value().equals(other.value());
  }
}
