package pidmap.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import pidmap.spec.pid.PidHashing;

/**
 * HASH-1's oracle agrees with the contract's PidHashing on every input tried, though the two
 * share no code (shifts and adds against a multiplication; a bit loop against
 * numberOfLeadingZeros); and a placement the oracle disagrees with is reported.
 */
class SeedHashTest {

  @Test
  void theShiftAndAddHashIsTheGoldenRatioProduct() {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      long val = r.nextLong();
      int bits = 1 + r.nextInt(31);
      assertThat(SeedHash.hashLong(val, bits)).isEqualTo(PidHashing.hashLong(val, bits));
    }
    assertThat(SeedHash.hashLong(1, 12)).isEqualTo(0x9e3);
  }

  @Test
  void pidhashInitGives16To4096ChainsAndKeepsTheIntQuirk() {
    long mib = 1 << 8; // pages of 4 KiB per MiB
    assertThat(SeedHash.shift(0)).isEqualTo(4);
    assertThat(SeedHash.shift(4 * mib)).isEqualTo(5);
    assertThat(SeedHash.shift(128 * mib)).isEqualTo(10);
    assertThat(SeedHash.shift(512 * mib)).isEqualTo(12);
    assertThat(SeedHash.shift((1L << 30) * mib)).isEqualTo(4);
    assertThat(SeedHash.shift((1L << 29) * mib)).isEqualTo(12);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      long pages = r.nextLong(1L << 50);
      assertThat(SeedHash.shift(pages)).isEqualTo(PidHashing.pidhashShift(pages));
    }
  }

  @Test
  void chainAddsTheNumberToTheNamespaceAddress() {
    long key = PidHashing.nsKey(2);
    assertThat(SeedHash.chain(-1, key, 8)).isEqualTo(SeedHash.hashLong(key - 1, 8));
    assertThat(SeedHash.chain(42, key, 8)).isEqualTo(PidHashing.pidHashFn(42, key, 8));
  }
}
