// The shared job queue: (:Job {id, kind, state, payload, attempts, worker, leaseUntil, notBefore, createdAt, startedAt,
// finishedAt, error, counts, failures}). Idempotent: safe to run again. Never edit a released file; add the next number.
// The id constraint makes EnqueueOnce's MERGE race-safe: two processes merging one id create one job.
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (j:Job) REQUIRE j.id IS UNIQUE;
// A claim looks for the oldest queued job, or a running one whose lease ran out: state first, then age.
CREATE INDEX job_state_created IF NOT EXISTS FOR (j:Job) ON (j.state, j.createdAt);
