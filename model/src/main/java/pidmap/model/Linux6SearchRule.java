package pidmap.model;

import java.util.ArrayList;
import java.util.List;
import pidmap.spec.Geometry;

/**
 * The search order of today's kernel (profile {@code linux-6}), as ranges.
 *
 * <p>Since Linux 4.15 alloc_pid (kernel/pid.c) takes each level's number from the namespace's
 * idr with idr_alloc_cyclic (lib/idr.c); since 6.14 the upper bound is the namespace's own
 * pid_max. The idr keeps a cursor, the id after the one it last handed out; ns_last_pid reads
 * as cursor-1, and writing v to it sets the cursor to v+1 (kernel/pid_namespace.c,
 * pid_ns_ctl_handler). So with L = last_pid, P = pid_max, R = RESERVED_PIDS and cursor c = L+1:
 *
 * <ol>
 *   <li><b>Floor.</b> alloc_pid passes a lower bound of 1 while c &le; R (so that a fresh
 *       namespace's first task gets pid 1) and R once c &gt; R, so low pids come back only until
 *       the cursor has passed R. Note that the floor is R itself, not R+1: pid R is a candidate
 *       after the wrap.
 *   <li><b>Forward range.</b> idr_alloc_cyclic starts at s = max(c, floor) and takes the lowest
 *       free id in [s, P) (its upper bound is P-1 inclusive). When s &ge; P, this range is empty.
 *   <li><b>Wrapped range.</b> Only if that found nothing and s &gt; floor, it searches again from
 *       the floor: [floor, P). Everything from s up is known taken by then, so this finds the
 *       lowest free pid of [floor, min(s, P)), the range stated here.
 *   <li><b>Failure.</b> If both are empty the idr reports ENOSPC, alloc_pid turns it into EAGAIN,
 *       and the cursor stays where it was. On success the cursor moves to pid+1 (last_pid = pid).
 * </ol>
 *
 * <p>Consequences a reader may check against {@link SeedSearchRule}: a freed last_pid is handed
 * out again when it is the only free candidate (it lies in the wrapped range [floor, L+1));
 * pids in [1, R) come back after a wrap as long as c &le; R; live pids at or above a lowered
 * pid_max stay allocated and are never candidates. Page size plays no part.
 */
final class Linux6SearchRule implements SearchRule {

  @Override
  public List<Range> candidates(int lastPid, int pidMax, Geometry g) {
    long cursor = (long) lastPid + 1;
    int floor = cursor <= g.reservedPids() ? 1 : g.reservedPids();
    int start = (int) Math.max(cursor, floor);
    List<Range> ranges = new ArrayList<>(2);
    ranges.add(new Range(start, Math.max(start, pidMax)));
    if (start > floor) {
      ranges.add(new Range(floor, Math.min(start, pidMax)));
    }
    return ranges;
  }
}
