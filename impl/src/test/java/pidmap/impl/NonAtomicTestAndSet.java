package pidmap.impl;

import pidmap.spec.Geometry;

/**
 * Broken twin: the test-and-set is a load of the word and then a store of it with the bit set,
 * instead of one atomic OR (seed line 153's test_and_set_bit). Sequentially it is the same; two
 * racing allocs can both see the bit clear and both win it (a pid handed out twice, [ALLOC-1]),
 * and a store can wipe a bit another thread set meanwhile in the same word. Test scope; as
 * thread-safe as it is correct, which is not.
 */
final class NonAtomicTestAndSet extends Pages {
  NonAtomicTestAndSet(Geometry g, PidmapMemory memory) {
    super(g, memory);
  }

  @Override
  boolean testAndSet(long[] page, int bit) {
    long m = Bits.mask(bit);
    long seen = memory.loadWord(page, Bits.word(bit));
    if ((seen & m) != 0) {
      return true;
    }
    memory.storeWord(page, Bits.word(bit), seen | m); // the bug: the gap between load and store
    return false;
  }
}
