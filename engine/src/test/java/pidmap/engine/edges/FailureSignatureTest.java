package pidmap.engine.edges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pidmap.engine.StepResult;
import pidmap.engine.StepResult.Failure;
import pidmap.engine.StepResult.Failure.Kind;
import pidmap.engine.StepResult.Failure.Side;
import pidmap.trace.Op;
import pidmap.trace.Outcome;

/**
 * The words a user and the shrinker see for a failure: its signature names the kind, the side
 * and what broke (an invariant's id, or which part of the state a divergence is about), and its
 * text is the message itself.
 */
class FailureSignatureTest {

  private static String signature(Kind kind, String message) {
    return new Failure(kind, message).signature();
  }

  @Test
  void anInvariantIsSignedWithItsIdAndSide() {
    assertThat(new Failure(Kind.INVARIANT, "invariant ALLOC-1 failed: pid 3 handed out twice",
        Side.CANDIDATE).signature()).isEqualTo("INVARIANT CANDIDATE invariant ALLOC-1 failed");
  }

  @Test
  void aDivergenceOfTheAnswerIsSignedAnswer() {
    assertThat(signature(Kind.DIVERGENCE, "the model answers 3 but the impl answers 4"))
        .isEqualTo("DIVERGENCE BOTH answer");
  }

  @Test
  void aDivergenceOfLastPidOrPidMaxIsSignedWithThatName() {
    assertThat(signature(Kind.DIVERGENCE, "last_pid is 1 in the model but 2 in the impl"))
        .isEqualTo("DIVERGENCE BOTH last_pid");
    assertThat(signature(Kind.DIVERGENCE, "pid_max is 14 in the model but 13 in the impl"))
        .isEqualTo("DIVERGENCE BOTH pid_max");
  }

  @Test
  void aDivergenceOfTheCountIsSignedAllocatedCount() {
    assertThat(signature(Kind.DIVERGENCE, "2 pids are allocated in the model but 3 in the impl"))
        .isEqualTo("DIVERGENCE BOTH allocated count");
  }

  @Test
  void anyOtherDivergenceIsAboutAPidsState() {
    assertThat(signature(Kind.DIVERGENCE, "pid 9 is free in the model but allocated in the impl"))
        .isEqualTo("DIVERGENCE BOTH a pid's state");
    assertThat(signature(Kind.DIVERGENCE,
        "page 2 is not installed in the model but installed in the impl"))
        .isEqualTo("DIVERGENCE BOTH a pid's state");
  }

  @Test
  void anUnmetExpectIsSignedExpect() {
    assertThat(signature(Kind.EXPECT, "expected 3 but the reference (linux-6) answers 2"))
        .isEqualTo("EXPECT BOTH expect");
  }

  @Test
  void aFailurePrintsAsItsMessageAndAStepAddsTheOpAndKind() {
    Failure f = new Failure(Kind.DIVERGENCE, "last_pid is 1 in the model but 2 in the impl");
    assertThat(f).hasToString("last_pid is 1 in the model but 2 in the impl");
    StepResult r = new StepResult(4, Op.alloc(), Outcome.pid(1), Outcome.pid(1), f);
    assertThat(r.signature()).isEqualTo("DIVERGENCE BOTH last_pid at ALLOC");
    assertThat(r).hasToString(
        "step 4: alloc -> 1  FAILED: last_pid is 1 in the model but 2 in the impl");
    assertThat(new StepResult(1, Op.alloc(), Outcome.pid(1), Outcome.pid(1), null).signature())
        .isNull();
  }
}
