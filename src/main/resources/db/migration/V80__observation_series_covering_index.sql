-- Series reads (issue 6) answer from this index alone. At national scale a series of one
-- indicator x 3,321 communes x 52 weeks reads ~170k observations; through ix_obs_series each one
-- cost a primary-key lookup (rows of one commune are spread over every ingest batch), which made
-- that read 2-3x slower than scanning one contiguous index range that carries every column the
-- series query selects or filters on. Same leading columns as the index it replaces, so every
-- other use of ix_obs_series is served as before. Ingest appends a batch's keys next to each other
-- (one indicator, a few periods, every agency), so the wider entries cost it little.
CREATE INDEX ix_obs_series_cover ON observation (indicator_id, period_type, period_start, agency_id, as_of,
    obs_value, numerator, denominator, period_end, period, bucket_week, bucket_month, bucket_quarter, bucket_year);
ALTER TABLE observation DROP INDEX ix_obs_series;
