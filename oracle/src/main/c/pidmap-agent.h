/* What the kernel agent's two files share: the reply buffer, errno names, sysctl files. */
#ifndef PIDMAP_AGENT_H
#define PIDMAP_AGENT_H

void reply(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *errno_name(int e);

/* The process level (pidmap-tasks.c): set up before the first task, then one request each. */
void tasks_init(void);
/* Handles a process-level request or a sysctl request with in=TASK; 0 if it is not one. */
int tasks_handle(const char *line);

#endif
