package pidmap.cli;

import picocli.CommandLine.IVersionProvider;

/** What {@code -V} prints on every command. Stateless. */
public final class Version implements IVersionProvider {
  /** The one version line. */
  public static final String LINE = "pidmap 0.1.0: a checked model of the Linux pid allocator,"
      + " kernel/pid.c of Linux 2.6.24 (profile linux-2.6.24) and of today's kernel (linux-6)";

  @Override
  public String[] getVersion() {
    return new String[] {LINE};
  }
}
