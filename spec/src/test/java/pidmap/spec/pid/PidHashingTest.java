package pidmap.spec.pid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import pidmap.spec.Checks;
import pidmap.spec.Invariant;
import pidmap.spec.PidmapException;

/** pid_hashfn and pidhash_init as the seed and 2.6.24's hash.h state them. */
@Checks(Invariant.HASH_1)
class PidHashingTest {

  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  /** hash_long by the book: the product modulo 2^64, top bits, computed with BigInteger. */
  private static int byTheBook(long val, int bits) {
    BigInteger v = new BigInteger(Long.toUnsignedString(val));
    BigInteger golden = new BigInteger("9e37fffffffc0001", 16);
    return v.multiply(golden).mod(TWO_TO_64).shiftRight(64 - bits).intValueExact();
  }

  @Test
  void hashLongKeepsTheTopBitsOfTheGoldenRatioProduct() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      long val = r.nextLong();
      int bits = 1 + r.nextInt(31);
      assertThat(PidHashing.hashLong(val, bits)).isEqualTo(byTheBook(val, bits));
    }
  }

  @Test
  void hashOfOneIsTheConstantsTopBits() {
    assertThat(PidHashing.hashLong(1, 12)).isEqualTo(0x9e3);
    assertThat(PidHashing.hashLong(1, 4)).isEqualTo(0x9);
    assertThat(PidHashing.hashLong(0, 12)).isZero();
  }

  @Test
  void pidHashFnAddsTheNumberToTheNamespaceKey() {
    long key = PidHashing.nsKey(3);
    assertThat(PidHashing.pidHashFn(42, key, 8)).isEqualTo(byTheBook(key + 42, 8));
    assertThat(PidHashing.nsKey(0)).isEqualTo(PidHashing.INIT_NS_KEY);
    assertThat(PidHashing.nsKey(2) - PidHashing.nsKey(1)).isEqualTo(PidHashing.NS_KEY_STRIDE);
  }

  @Test
  void pidhashShiftScalesWithMemoryFrom16To4096Chains() {
    long mib = 1 << (20 - PidHashing.PAGE_SHIFT); // pages per MiB
    assertThat(PidHashing.pidhashShift(0)).isEqualTo(4);
    assertThat(PidHashing.pidhashShift(2 * mib)).isEqualTo(4); // fls(8) = 4
    assertThat(PidHashing.pidhashShift(4 * mib)).isEqualTo(5); // fls(16) = 5
    assertThat(PidHashing.pidhashShift(128 * mib)).isEqualTo(10); // fls(512) = 10
    assertThat(PidHashing.pidhashShift(512 * mib - 1)).isEqualTo(11); // 511 MiB: fls(2044) = 11
    assertThat(PidHashing.pidhashShift(512 * mib)).isEqualTo(12);
    assertThat(PidHashing.pidhashSize(LayerConfig.ONE_GIGABYTE_PAGES)).isEqualTo(4096);
    assertThat(PidHashing.pidhashShift(64L * 1024 * mib)).isEqualTo(12);
  }

  @Test
  void flsTakesAnIntSoAPetabyteGetsTheSmallestHash() {
    long mib = 1 << (20 - PidHashing.PAGE_SHIFT);
    assertThat(PidHashing.pidhashShift((1L << 30) * mib)).isEqualTo(4); // 2^32 truncates to 0
    assertThat(PidHashing.pidhashShift((1L << 29) * mib)).isEqualTo(12); // 2^31 is negative: fls 32
  }

  @Test
  void badArgumentsAreRefusedWithTheBound() {
    assertThatThrownBy(() -> PidHashing.pidhashShift(-1))
        .isInstanceOf(PidmapException.class)
        .hasMessage("nr_kernel_pages: -1 (expected: 0 <= nr_kernel_pages)");
    assertThatThrownBy(() -> PidHashing.hashLong(1, 64))
        .hasMessage("bits: 64 (expected: 1 <= bits <= 63)");
  }
}
