package pidmap.kit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import pidmap.kit.Agents;

/**
 * A hanging, a crashing, a garbling, a silent and an outdated agent each get their own verdict
 * within the timeout, and the kit stays up; a well-behaved reply comes through unchanged.
 */
class ProcessAgentVerdictsTest {
  private static final long TIMEOUT = 500;

  private static AgentException failureOf(String how) throws AgentException {
    try (Agent a = ProcessAgent.start(Agents.misbehaving(how), TIMEOUT, 10_000)) {
      assertThat(a.call("set_last 5")).isEqualTo("ok");
      a.call("alloc");
    } catch (AgentException e) {
      return e;
    }
    throw new AssertionError("the agent answered alloc");
  }

  @Test
  void anAgentThatNeverAnswersIsAHangWithinTheTimeout() throws AgentException {
    long start = System.nanoTime();
    AgentException e = failureOf("hang");
    assertThat(e.kind()).isEqualTo(AgentException.Kind.HANG);
    assertThat(e.getMessage()).contains("no reply within 500 ms").contains("alloc");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void anAgentThatExitsIsACrashWithItsStatusAndLastWords() throws AgentException {
    AgentException e = failureOf("crash");
    assertThat(e.kind()).isEqualTo(AgentException.Kind.CRASH);
    assertThat(e.getMessage()).contains("exit status 1").contains("the allocator panicked");
  }

  @Test
  void aReplyOutsideTheGrammarIsGarbageQuoted() throws AgentException {
    AgentException e = failureOf("garbage");
    assertThat(e.kind()).isEqualTo(AgentException.Kind.GARBAGE);
    assertThat(e.getMessage()).contains("\"banana 42\"");
  }

  @Test
  void anErrorLineIsTheAgentsOwnFailureNotAnAnswer() throws AgentException {
    AgentException e = failureOf("error");
    assertThat(e.kind()).isEqualTo(AgentException.Kind.AGENT_ERROR);
    assertThat(e.getMessage()).contains("error cannot allocate here");
  }

  @Test
  void anAgentWithoutHelloIsAHangAtStart() {
    assertThatThrownBy(() -> ProcessAgent.start(Agents.misbehaving("silent"), TIMEOUT, 700))
        .isInstanceOfSatisfying(AgentException.class,
            e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.HANG))
        .hasMessageContaining("hello");
  }

  @Test
  void anotherProtocolVersionIsRefusedAtStartSayingWhichOneThisKitSpeaks() {
    assertThatThrownBy(() -> ProcessAgent.start(Agents.misbehaving("old"), TIMEOUT, 10_000))
        .isInstanceOfSatisfying(AgentException.class,
            e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.UNAVAILABLE))
        .hasMessage("hello: protocol=0 (expected: 1, the only version this kit speaks)");
  }

  @Test
  void aCommandThatDoesNotExistIsUnavailable() {
    assertThatThrownBy(() -> ProcessAgent.start("/nonexistent/agent", TIMEOUT, 10_000))
        .isInstanceOfSatisfying(AgentException.class,
            e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.UNAVAILABLE))
        .hasMessageContaining("ended before its hello line");
  }
}
