/**
 * Durable {@link dev.agentloop.run.RunStore}s over JDBC: a SQLite file (WAL mode) for one machine
 * and PostgreSQL (HikariCP pool) for a cluster. Statements run on a dedicated worker pool, never on
 * an event loop. See {@link dev.agentloop.store.JdbcRunStore}.
 */
@NullMarked
package dev.agentloop.store;

import org.jspecify.annotations.NullMarked;
