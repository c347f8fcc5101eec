package pidmap.cli;

/** Input the command line refuses that is neither a trace line nor a spec parameter. Immutable. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
