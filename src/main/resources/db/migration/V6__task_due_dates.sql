-- Open tasks by due date: the sweep over due dates (reminders and escalations) looks up the
-- tasks whose reminder or escalation time has passed, and Tasklist's filters sort by due date
-- and show the first page. Without an index both read every open task.
CREATE INDEX IF NOT EXISTS RATSWEG_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_);
