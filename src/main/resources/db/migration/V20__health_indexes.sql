-- Health predicates (issue 4): the stale rule compares last_report_on with the as-of date, the
-- not-started rule filters on status with the epoch-day columns, and the annotation rules look up
-- open flagged annotations per task.
CREATE INDEX ix_task_last_report ON task (status, last_report_on);
CREATE INDEX ix_task_status_days ON task (status, due_day, start_day);
CREATE INDEX ix_annotation_open_risk ON annotation (task_id, resolved, raises_risk);
