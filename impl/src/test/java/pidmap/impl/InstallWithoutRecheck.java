package pidmap.impl;

import pidmap.spec.Geometry;

/**
 * Broken twin: a missing page is installed without looking at the slot again: a plain store of
 * a fresh page where the seed re-checks under pidmap_lock and frees its own page when it lost
 * (seed 136-149). Sequentially the slot was empty a moment ago, so nothing shows; when two allocs
 * race, the loser's fresh page replaces the winner's, whose bits (pids already handed out) are
 * lost, so a pid can be handed out twice. Test scope.
 */
final class InstallWithoutRecheck extends Pages {
  InstallWithoutRecheck(Geometry g, PidmapMemory memory) {
    super(g, memory);
  }

  @Override
  long[] install(int map) {
    return memory.storeFreshPage(map); // the bug: whatever a racer installed meanwhile is lost
  }
}
