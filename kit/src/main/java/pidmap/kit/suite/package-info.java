/**
 * The named suites: one per divergence class that real reimplementations of Linux show (the wrap,
 * pid_max handed out, exhaustion, the cursor, numbers held by groups, sessions and zombies,
 * set_tid, thread ids, ...) plus the profile's other rules. A suite is a family of scenarios; an
 * allocator-level scenario's expected answers come from the model (either profile), a
 * process-level one's are literal, as the running kernel answers them (a test keeps them so).
 * The runner runs each scenario on a fresh agent and shrinks a failure.
 *
 * <p>May use: spec, model, impl, trace, engine, oracle, kit.agent.
 */
package pidmap.kit.suite;
