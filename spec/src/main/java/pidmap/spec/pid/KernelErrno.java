package pidmap.spec.pid;

/**
 * A kernel errno as a layer call's answer, not a refusal: the call was well formed and the
 * kernel would have returned this error (clone3's set_tid rules, the nesting limit of
 * create_pid_namespace). Like the seed's ENOMEM it is a normal outcome that model and impl must
 * give alike; unlike a {@link pidmap.spec.PidmapException} it may leave effects the kernel also
 * leaves (a cursor that moved before the failure).
 *
 * <p>Immutable and thread-safe.
 */
public final class KernelErrno extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String errno;

  /** @param errno the errno name, e.g. {@code EEXIST}; @param why what decided it */
  public KernelErrno(String errno, String why) {
    super(errno + ": " + why, null, false, false);
    this.errno = errno;
  }

  /** The errno name, e.g. {@code EINVAL}. */
  public String errno() {
    return errno;
  }
}
