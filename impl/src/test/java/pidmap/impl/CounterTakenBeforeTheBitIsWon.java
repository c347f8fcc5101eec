package pidmap.impl;

import pidmap.spec.Geometry;

/**
 * Broken twin: a claim that sees the bit clear decrements the page's free counter first and only
 * then tries the test-and-set, and a lost test-and-set does not give the count back (the seed
 * decrements after it won, line 154). Sequentially a bit seen clear is always won, so nothing
 * shows; when two allocs race for one bit, the loser's decrement stays and the counter ends
 * below the page's zero bits ([PIDMAP-2]). Test scope.
 */
final class CounterTakenBeforeTheBitIsWon extends Pages {
  CounterTakenBeforeTheBitIsWon(Geometry g, PidmapMemory memory) {
    super(g, memory);
  }

  @Override
  boolean claim(long[] page, int map, int bit) {
    if (test(page, bit)) {
      return false;
    }
    memory.getAndAddFree(map, -1); // the bug: counted before the bit is won
    return !testAndSet(page, bit);
  }
}
