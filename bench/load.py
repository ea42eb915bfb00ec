#!/usr/bin/env python3
"""Load run against a running KnowledgeGraph service: latency of the builders query and the server's memory.

Usage: bench/load.py --url http://127.0.0.1:5080 --pid PID [--model model:gen-123] [--requests 2000] [--concurrency 4]
Prints p50/p95/p99 latency, throughput, and the server's resident memory (VmRSS) and peak (VmHWM) from /proc.
"""
import argparse, http.client, json, statistics, threading, time, urllib.parse

QUERY = """query($id: ID!) { model(id: $id) { builders { relation person { name status { kind since }
  currentAffiliation { organization { name } } } } } }"""


def memory(pid):
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:5080")
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--model", action="append", required=True)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    target = urllib.parse.urlparse(args.url)
    latencies, errors, lock = [], [], threading.Lock()
    counter = iter(range(args.requests))

    def worker():
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            body = json.dumps({"query": QUERY, "variables": {"id": args.model[i % len(args.model)]}})
            start = time.perf_counter()
            connection.request("POST", "/graphql", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            payload = response.read()
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                if response.status != 200 or b'"errors"' in payload:
                    errors.append(payload[:200])

    before = memory(args.pid)
    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    after = memory(args.pid)
    latencies.sort()
    q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
    print(f"requests {len(latencies)}, errors {len(errors)}, concurrency {args.concurrency}, wall {wall:.1f} s, {len(latencies) / wall:.0f} req/s")
    print(f"latency ms: p50 {q(0.5):.2f}  p95 {q(0.95):.2f}  p99 {q(0.99):.2f}  mean {statistics.mean(latencies):.2f}")
    print(f"server memory MiB: before RSS {before['VmRSS']:.0f}; after RSS {after['VmRSS']:.0f}, peak {after['VmHWM']:.0f}")
    if errors:
        print("first error:", errors[0])
        raise SystemExit(1)


if __name__ == "__main__":
    main()
