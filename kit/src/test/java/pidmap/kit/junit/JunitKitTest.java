package pidmap.kit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import pidmap.impl.BitmapPidAllocator;
import pidmap.spec.Geometry;
import pidmap.spec.Profile;

/**
 * The JUnit kit on JVM allocators: the impl (seed-shaped, independent of the model) passes every
 * allocator-level scenario and the campaign as dynamic tests; a broken twin that never wraps
 * fails exactly the wrap suite and the campaign, with the shrunk trace in the message.
 */
class JunitKitTest {

  @TestFactory
  Stream<DynamicNode> theImplConformsToLinux6() {
    return PidAllocatorConformance.of(() -> new BitmapPidAllocator(Geometry.KERNEL,
        Profile.LINUX_6)).campaign(1000, 3).tests();
  }

  @TestFactory
  Stream<DynamicNode> theImplConformsToLinux2624() {
    return PidAllocatorConformance.of(() -> new BitmapPidAllocator(Geometry.KERNEL,
        Profile.LINUX_2_6_24)).profile(Profile.LINUX_2_6_24).campaign(1000, 3).tests();
  }

  @Test
  void anAllocatorThatNeverWrapsFailsTheWrapSuiteAndTheCampaignOnly() {
    Set<String> failed = new TreeSet<>();
    List<String> messages = new ArrayList<>();
    run(PidAllocatorConformance.of(NeverWrapsAllocator::new).campaign(1000, 1).tests(), "",
        failed, messages);
    assertThat(failed).containsExactly("campaign", "wrap");
    assertThat(messages.get(0)).contains("wrap: alloc: Linux pid 300, the agent errno EAGAIN")
        .contains("shrunk trace");
  }

  private static void run(Stream<? extends DynamicNode> nodes, String suite, Set<String> failed,
      List<String> messages) {
    nodes.forEach(n -> {
      if (n instanceof DynamicContainer c) {
        run(c.getChildren(), c.getDisplayName().split(":")[0], failed, messages);
      } else {
        try {
          ((DynamicTest) n).getExecutable().execute();
        } catch (TestAbortedException skipped) {
          // a process-level scenario: not for a PidAllocator
        } catch (Throwable t) {
          failed.add(suite.isEmpty() ? "campaign" : suite);
          messages.add(t.getMessage());
        }
      }
    });
  }
}
