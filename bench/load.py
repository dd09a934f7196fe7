"""Concurrent writers against gunicorn: requests, errors, locks and lost writes (target: 0).

    .venv/bin/python bench/load.py [--seconds 15] [--writers 16] [--workers 4] [--only sqlite]

For each database (a throw-away SQLite file; PostgreSQL at 127.0.0.1:5432, database
`bpo_advisor_load`, when it answers) it prepares the starting catalog, starts gunicorn with
DEBUG=0 and the production settings, and lets the writers POST the contract's example answers
to /api/assessments/ for a bounded time. Then every 201's token is read back. It prints:
requests, 201s, errors (any other answer or a dropped connection), "database is locked" lines
in the server's log, lost writes (a 201 whose token does not read back), throughput and
latency. Exits 1 when any error, lock or lost write was seen.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.examples import example_answers  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
import server  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/bpo_advisor_load"


@dataclass
class Tally:
    statuses: dict[str, int] = field(default_factory=dict)
    tokens: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outcome: str, seconds: float, token: str | None) -> None:
        with self.lock:
            self.statuses[outcome] = self.statuses.get(outcome, 0) + 1
            self.latencies.append(seconds)
            if token:
                self.tokens.append(token)


def request(port: int, method: str, path: str, body: bytes | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Content-Type": "application/json"} if body else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def writer(port: int, stop_at: float, tally: Tally, number: int) -> None:
    count = 0
    while time.monotonic() < stop_at:
        count += 1
        answers = example_answers()
        answers["organisation"]["name"] = f"Load writer {number} request {count}"
        started = time.perf_counter()
        try:
            status, body = request(port, "POST", "/api/assessments/", json.dumps(answers).encode())
        except OSError as error:
            tally.add(f"connection: {type(error).__name__}", time.perf_counter() - started, None)
            continue
        token = json.loads(body)["token"] if status == 201 else None
        tally.add(str(status), time.perf_counter() - started, token)


def pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(
            PG_ADMIN_URL.replace("postgres://", "postgresql://"), connect_timeout=3
        ) as conn:
            conn.autocommit = True
            conn.execute("DROP DATABASE IF EXISTS bpo_advisor_load WITH (FORCE)")
            conn.execute("CREATE DATABASE bpo_advisor_load")
        return True
    except Exception as error:  # noqa: BLE001 (any failure means: no PostgreSQL here)
        print(f"PostgreSQL not reachable ({error}); skipped.")
        return False


def run(name: str, database_url: str, args, tmp: Path) -> dict:
    port = server.free_port()
    env = server.production_env(
        tmp,
        port,
        DATABASE_URL=database_url,
        RATE_SUBMIT="100000000",  # the writers share one address: measure the database
        WEB_CONCURRENCY=str(args.workers),
    )
    subprocess.run(
        [PYTHON, "manage.py", "prepare"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    log_path = tmp / f"{name}.log"
    with log_path.open("w") as log:
        gunicorn, _base = server.start(env, log)
        try:
            tally = Tally()
            started = time.monotonic()
            stop_at = started + args.seconds
            threads = [
                threading.Thread(target=writer, args=(port, stop_at, tally, n))
                for n in range(args.writers)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
            lost = sum(
                1
                for token in tally.tokens
                if request(port, "GET", f"/api/assessments/{token}/")[0] != 200
            )
        finally:
            server.stop(gunicorn)
    server_log = log_path.read_text()
    requests = sum(tally.statuses.values())
    created = tally.statuses.get("201", 0)
    latencies = sorted(tally.latencies) or [0.0]
    return {
        "database": name,
        "requests": requests,
        "created": created,
        "errors": requests - created,
        "locks": server_log.count("database is locked"),
        "lost": lost,
        "per_second": requests / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "other": {k: v for k, v in tally.statuses.items() if k != "201"},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bpo-load-"))
    rows = []
    if args.only in (None, "sqlite"):
        rows.append(run("sqlite", f"sqlite:///{tmp / 'load.sqlite3'}", args, tmp))
    if args.only in (None, "postgresql") and pg_available():
        rows.append(run("postgresql", PG_URL, args, tmp))
    print(
        f"{args.writers} writers, {args.seconds:g} s, gunicorn with {args.workers} sync workers, "
        "POST /api/assessments/ then every token read back"
    )
    print(
        f"{'database':<11} {'requests':>8} {'201':>6} {'errors':>6} {'locks':>5} {'lost':>4} "
        f"{'req/s':>6} {'p50 ms':>7} {'p95 ms':>7}"
    )
    for r in rows:
        print(
            f"{r['database']:<11} {r['requests']:>8} {r['created']:>6} {r['errors']:>6} "
            f"{r['locks']:>5} {r['lost']:>4} {r['per_second']:>6.1f} {r['p50_ms']:>7.0f} "
            f"{r['p95_ms']:>7.0f}" + (f"  other: {r['other']}" if r["other"] else "")
        )
    if any(r["errors"] or r["locks"] or r["lost"] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
