package pidmap.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;
import pidmap.bench.alt.Allocators;
import pidmap.bench.alt.BenchAllocator;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;

/**
 * The memory one namespace's allocator holds, measured with JOL's object-graph walk
 * ({@code GraphLayout.parseInstance(root).totalSize()}, every object reachable from the
 * allocator): with 100 pids in use at pid_max 32768 (the impl holds one 4 KiB page), and with all
 * 4,194,304 pids of PID_MAX_LIMIT taken (the impl holds 128 pages, 512 KiB of bitmap, plus its
 * slot and counter arrays). The model and the two alternatives are measured beside it.
 *
 * <p>Writes a tab-separated table (header, then one row per implementation, sizes in bytes) to
 * the file named by the first argument, for the report tool, and prints it. Not thread-safe; a
 * command-line tool.
 */
public final class MemoryMain {
  private MemoryMain() {}

  static final int FULL = Geometry.MAX_PID_MAX_LIMIT;
  static final int USED = 100;
  static final List<String> MEASURED =
      List.of(Allocators.IMPL, Allocators.MODEL, Allocators.BITSET, Allocators.SKIPLIST);

  public static void main(String[] args) throws IOException {
    StringBuilder out = new StringBuilder("implementation\t" + USED + " pids in use (pid_max "
        + Geometry.KERNEL.defaultPidMax() + ")\tall " + FULL + " pids taken\n");
    for (String name : MEASURED) {
      long small = footprint(name, Geometry.KERNEL.defaultPidMax(), USED);
      long full = footprint(name, FULL, FULL - 1);
      out.append(name).append('\t').append(small).append('\t').append(full).append('\n');
    }
    System.out.print(out);
    if (args.length > 0) {
      Files.writeString(Path.of(args[0]), out);
    }
  }

  /** Bytes reachable from allocator {@code name} at {@code pidMax} after {@code allocs} allocs. */
  static long footprint(String name, int pidMax, int allocs) {
    BenchAllocator a = Allocators.create(name, Geometry.KERNEL, pidMax);
    int last = 0;
    for (int i = 0; i < allocs; i++) {
      last = a.alloc();
    }
    if (last != allocs) {
      throw new IllegalStateException(name + ": alloc " + allocs + " answered " + last);
    }
    Object root = a.footprintRoot();
    if (root instanceof BitmapPidAllocator) {
      int pages = ((BitmapPidAllocator) root).installedPages();
      int expected = (last - 1) / Geometry.KERNEL.bitsPerPage() + 1;
      if (pages != expected) {
        throw new IllegalStateException("impl: " + pages + " pages installed, not " + expected);
      }
    }
    return GraphLayout.parseInstance(root).totalSize();
  }
}
