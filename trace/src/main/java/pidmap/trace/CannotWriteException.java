package pidmap.trace;

/**
 * A file pidmap meant to write could not be written; the message names the file and the reason
 * in one line, e.g. {@code cannot write /ro/x.jsonl: permission denied}. Immutable.
 */
public final class CannotWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CannotWriteException(String message) {
    super(message);
  }
}
