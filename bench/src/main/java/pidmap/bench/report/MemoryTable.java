package pidmap.bench.report;

import java.util.Locale;

/**
 * The markdown form of MemoryMain's tab-separated output: sizes in bytes and KiB, and for the
 * impl the part that is bitmap pages (4 KiB each) against what the slot and counter arrays add.
 *
 * <p>Stateless and thread-safe.
 */
public final class MemoryTable {
  private MemoryTable() {}

  static final long PAGE = 4096;

  public static String markdown(String tsv) {
    String[] lines = tsv.strip().split("\n");
    String[] head = lines[0].split("\t");
    if (head.length != 3) {
      throw new IllegalArgumentException("memory table header: " + lines[0]
          + " (expected: implementation, then two sizes, tab-separated)");
    }
    StringBuilder sb = new StringBuilder("| implementation | " + head[1] + " | " + head[2]
        + " |\n|---|---:|---:|\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t");
      long small = Long.parseLong(f[1]);
      long full = Long.parseLong(f[2]);
      sb.append("| ").append(f[0]).append(" | ").append(size(small)).append(" | ")
          .append(size(full)).append(" |\n");
      if (f[0].equals("impl")) {
        sb.append("| impl minus its pages | ").append(size(small - PAGE)).append(" (1 page) | ")
            .append(size(full - 128 * PAGE)).append(" (128 pages) |\n");
      }
    }
    return sb.toString();
  }

  static String size(long bytes) {
    if (bytes < 10 * 1024) {
      return String.format(Locale.ROOT, "%,d B", bytes);
    }
    if (bytes < 10L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%,d B (%.1f KiB)", bytes, bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%,d B (%.1f MiB)", bytes, bytes / 1048576.0);
  }
}
