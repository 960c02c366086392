-- Tasks without a start date now count their time from the issued date of the directive that
-- assigned them (before: from the day the row was created, which for imported tasks is the import
-- day, so the pace / not-started / staleness rules could not fire). Re-derive the stored epoch day
-- (Task.startFrom); tasks whose directive has no issued date keep the creation day they have.
-- TIMESTAMPDIFF(DAY, ...) is the same on H2 and MariaDB.
UPDATE task
SET start_day = (SELECT TIMESTAMPDIFF(DAY, DATE '1970-01-01', d.issued_on)
                 FROM directive d WHERE d.id = task.directive_id)
WHERE start_on IS NULL
  AND directive_id IN (SELECT d2.id FROM directive d2 WHERE d2.issued_on IS NOT NULL);
