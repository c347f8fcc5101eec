package example.pids;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import pidmap.kit.junit.PidAllocatorConformance;

/** The example allocator against Linux: every suite pidmap has, and the lockstep campaign. */
class CyclicPidAllocatorConformanceTest {

  @TestFactory
  Stream<DynamicNode> handsOutPidsAsLinux6Does() {
    return PidAllocatorConformance.of(CyclicPidAllocator::new).tests();
  }
}
