package pidmap.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.bench.alt.Allocators;

/**
 * The memory claims of BitmapPidAllocator's Javadoc and docs/PERFORMANCE.md, measured the way
 * MemoryMain measures them (JOL's graph walk; surefire passes -Djdk.attach.allowAttachSelf=true):
 * a namespace that used 100 pids holds one 4 KiB page and less than another page besides; a
 * full 4,194,304-pid namespace holds its 512 KiB of bitmap and less than 8 KiB besides.
 */
class FootprintTest {
  static final long PAGE = 4096;

  @Test
  void aNamespaceThatUsedAHundredPidsHoldsOnePage() {
    long bytes = MemoryMain.footprint(Allocators.IMPL, 32768, 100);
    assertThat(bytes).isBetween(PAGE, 2 * PAGE - 1);
  }

  @Test
  void aFullNamespaceHoldsHalfAMebibyteOfBitmapAndLittleElse() {
    long bytes = MemoryMain.footprint(Allocators.IMPL, MemoryMain.FULL, MemoryMain.FULL - 1);
    assertThat(bytes).isBetween(128 * PAGE, 128 * PAGE + 8192);
  }
}
