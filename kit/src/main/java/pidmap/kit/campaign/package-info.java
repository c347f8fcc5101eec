/**
 * The generated lockstep campaign: the kernel oracle's scenario kinds (tiny pid_max to
 * exhaustion, ns_last_pid edges, pid_max lowered, page boundaries, churn) run on fresh agents in
 * lockstep with the model, the first divergence shrunk.
 *
 * <p>May use: spec, model, impl, trace, engine, oracle, kit.agent, kit.suite.
 */
package pidmap.kit.campaign;
