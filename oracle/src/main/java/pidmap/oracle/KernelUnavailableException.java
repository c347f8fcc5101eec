package pidmap.oracle;

/**
 * The machine does not let the kernel oracle run: not Linux, the agent was not built, or the
 * kernel refused the namespaces. {@link #getMessage()} says why in one plain sentence. Immutable.
 */
public final class KernelUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public KernelUnavailableException(String reason) {
    super(reason);
  }
}
