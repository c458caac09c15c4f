-- Task lists with authorization checks (Tasklist filters, task queries), PostgreSQL only.
--
-- The engine checks each task against ACT_RU_AUTHORIZATION with "PERMS_ & 2 = 2" (READ on the
-- task) and "PERMS_ & 64 = 64" (READ_TASK on its process definition). PostgreSQL has no
-- statistics for such expressions and guesses that 0.5 % of the rows match, while nearly all of
-- them do (one per-task authorization per candidate group). On that guess it joins every task
-- with every authorization row (nested loop over a materialized scan): 100,000 open tasks made
-- every task list query run for minutes. With statistics on the expressions it looks up each
-- task's authorizations by index instead (measured: docs/benchmarks.md, B1).
-- Extended statistics on expressions need PostgreSQL 14 or later.
CREATE STATISTICS IF NOT EXISTS ratsweg_authorization_permissions (mcv)
    ON resource_type_, (perms_ & 2), (perms_ & 64)
    FROM act_ru_authorization;

ANALYZE act_ru_authorization;
