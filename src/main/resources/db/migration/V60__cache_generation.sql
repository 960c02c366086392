-- Generations of cached data, shared by every application instance (ops/SCALING.md). A writer bumps
-- a name after its commit; each cache lookup reads the current generation (one primary-key read),
-- so an entry cached before the write is never served again on any instance.
CREATE TABLE cache_generation (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    generation BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
