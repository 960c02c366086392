#!/usr/bin/env python3
"""Acknowledged-write client for the fault drills.

  writer.py write  <url> <token> <run-id> <seconds> <threads> <task-codes-file> <ack-log>
  writer.py verify <run-id> <ack-log>   (reads the stored evidence titles as lines on stdin)

`write` sends addEvidence mutations (each adds one evidence row titled `<run-id>-<thread>-<seq>`)
as fast as the service answers, from several threads, for a bounded time. A write counts as
ACKNOWLEDGED only when the HTTP answer is 200 and the payload has no errors and a task; only those
are logged (fsync'd line by line) — the client's promise is "what I was told is saved, is saved".
Failed or unanswered writes are counted, never retried (a retry could double a write).
`verify` reports acknowledged writes missing from the database: the drill's pass criterion is 0.
WRITER_PAUSE=<seconds> makes each thread pause after every write (a steady write rate beside a
load test instead of as fast as possible).
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

PAUSE = float(os.environ.get("WRITER_PAUSE", "0"))
MUTATION = ("mutation DrillEvidence($c: String!, $p: String, $t: String!) { addEvidence(code: $c, province: $p,"
            " evidence: [{ title: $t, documentNumber: \"drill\" }]) { task { code } errors { code message } } }")


def write(url, token, run_id, seconds, threads, codes_file, ack_log):
    codes = [line.strip().split("\t") for line in open(codes_file, encoding="utf-8") if line.strip()]
    target = urllib.parse.urlparse(url)
    deadline = time.time() + seconds
    lock = threading.Lock()
    stats = {"acknowledged": 0, "failed": 0, "errors": {}}
    log = open(ack_log, "a", encoding="utf-8")

    def worker(n):
        conn = None
        seq = 0
        while time.time() < deadline:
            seq += 1
            title = f"{run_id}-{n}-{seq}"
            code, province = codes[(n * 7919 + seq) % len(codes)][:2]
            body = json.dumps({"query": MUTATION, "variables": {"c": code, "p": province, "t": title}})
            outcome = None
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
                conn.request("POST", "/graphql", body, {"Content-Type": "application/json",
                                                         "Authorization": "Bearer " + token})
                response = conn.getresponse()
                text = response.read()
                if response.status == 200:
                    payload = json.loads(text)
                    data = (payload.get("data") or {}).get("addEvidence")
                    if data and not data["errors"] and data["task"] and not payload.get("errors"):
                        outcome = "ok"
                    else:
                        outcome = "graphql:" + (str(data["errors"][0]["code"]) if data and data["errors"]
                                                else str(payload.get("errors", "?"))[:60])
                else:
                    outcome = f"http:{response.status}"
            except Exception as e:  # connection refused/reset, timeout: not acknowledged
                outcome = "io:" + type(e).__name__
                try:
                    conn.close()
                except Exception:
                    pass
                conn = None
                time.sleep(0.05)
            if PAUSE:
                time.sleep(PAUSE)
            with lock:
                if outcome == "ok":
                    stats["acknowledged"] += 1
                    log.write(title + "\n")
                    log.flush()
                    os.fsync(log.fileno())
                else:
                    stats["failed"] += 1
                    stats["errors"][outcome] = stats["errors"].get(outcome, 0) + 1

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    started = time.time()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.time() - started
    print(f"WRITER run={run_id} seconds={elapsed:.0f} acknowledged={stats['acknowledged']} "
          f"failed={stats['failed']} writes_per_s={stats['acknowledged'] / elapsed:.1f} "
          f"failures={json.dumps(stats['errors'], sort_keys=True)}")


def verify(run_id, ack_log):
    acknowledged = {line.strip() for line in open(ack_log, encoding="utf-8") if line.strip().startswith(run_id + "-")}
    stored = {line.strip() for line in sys.stdin if line.strip()}
    missing = sorted(acknowledged - stored)
    extra = len(stored - acknowledged)
    print(f"VERIFY run={run_id} acknowledged={len(acknowledged)} present={len(acknowledged & stored)} "
          f"missing={len(missing)} stored_but_unacknowledged={extra}")
    for title in missing[:20]:
        print(f"  MISSING {title}")
    return 0 if not missing else 1


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]), int(sys.argv[6]), sys.argv[7], sys.argv[8])
    elif sys.argv[1] == "verify":
        sys.exit(verify(sys.argv[2], sys.argv[3]))
    else:
        sys.exit("usage: writer.py write|verify …")
