package pidmap.model;

import java.util.List;
import pidmap.spec.Geometry;

/**
 * A profile's search rule, stated declaratively: the ranges of pids that are candidates for the
 * next alloc, in the order they are tried. Alloc hands out the first free pid of the first range
 * that has one; when none has, alloc fails.
 */
@FunctionalInterface
interface SearchRule {

  /** A half-open range of pids {@code [from, to)}, tried in increasing order. */
  record Range(int from, int to) {
    @Override
    public String toString() {
      return "[" + from + ", " + to + ")";
    }
  }

  /** The candidate ranges, in order, for an allocator at {@code lastPid} and {@code pidMax}. */
  List<Range> candidates(int lastPid, int pidMax, Geometry g);
}
