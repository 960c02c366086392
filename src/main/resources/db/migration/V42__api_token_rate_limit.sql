-- A token's own rate limit (requests per rate-limit period); empty means the configured default.
ALTER TABLE api_token ADD COLUMN rate_limit INT;
