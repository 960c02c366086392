-- Series aggregation (issue 6). Each observation stores the codes of the week, month, quarter and
-- year that contain it (a week belongs to the month/quarter/year of its Thursday, ISO 8601), so a
-- series groups by a plain column with the same SQL on H2 and MariaDB (their date functions
-- differ) and the period codes come back ready to return. NULL where the observation does not
-- fit inside such a period (a month observation has no week; a plan period 2026-2030 has none).
ALTER TABLE observation ADD COLUMN bucket_week    VARCHAR(10);
ALTER TABLE observation ADD COLUMN bucket_month   VARCHAR(10);
ALTER TABLE observation ADD COLUMN bucket_quarter VARCHAR(10);
ALTER TABLE observation ADD COLUMN bucket_year    VARCHAR(10);

-- as-of reads look for the revision of an observation that held on a date.
CREATE INDEX ix_obsrev_observation_asof ON observation_revision (observation_id, as_of);
