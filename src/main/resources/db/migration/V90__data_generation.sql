-- The data generation (ops/SCALING.md, vn.tracker.ops.DataWriteGeneration): bumped in the same
-- transaction as every write to tracker data; the GraphQL response cache keys entries with it.
-- An upsert: the earlier migrations' DDL already bumped (and so created) it at first start.
INSERT INTO cache_generation (name, generation) VALUES ('data', 0) ON DUPLICATE KEY UPDATE generation = generation;
