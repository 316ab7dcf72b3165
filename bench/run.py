"""
The benchmark: the real production server (gunicorn, production settings,
whitenoise) on PostgreSQL, driven by wrk at a few concurrency levels.

    make bench            # the default network size (seeded once, then reused)
    make bench SMOKE=1    # a few hundred rows and short runs, as CI does

For each page it records SQL queries per request (counted in-process through
Django's test client against the same database), median and 95th-percentile
latency, requests per second, and requests per second as a share of a baseline
page of the same layout that runs no query, measured in the same run. The table
is printed and written to bench/results/<date>.json.
"""

import argparse
import datetime
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "wrk_report.lua"
PYTHON = sys.executable


def server_environment(port, extra=None):
    """Production settings plus the bench app (bench.settings), plain HTTP on loopback."""
    env = dict(os.environ)
    env.pop("DEBUG", None)
    env.update(
        {
            "SECRET_KEY": env.get("BENCH_SECRET_KEY") or _secret(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PORT": str(port),
            "HOST": "127.0.0.1",
            "WEB_CONCURRENCY": env.get("WEB_CONCURRENCY", "2"),
            "GUNICORN_THREADS": env.get("GUNICORN_THREADS", "4"),
            "GUNICORN_ACCESS_LOG": "/dev/null",
            "EMAIL_HOST": "",
            "LOG_LEVEL": "ERROR",
            **(extra or {}),
        }
    )
    return env


_SECRET = None


def _secret():
    # One key for the whole run: the bench process signs the sessions the server reads.
    global _SECRET
    _SECRET = _SECRET or secrets.token_urlsafe(50)
    return _SECRET


def ensure_database(url):
    """Create the benchmark's database when it is missing, so a fresh machine just works."""
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    command = ["createdb", "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    command += ["-U", parts.username or "postgres", name]
    env = {**os.environ, **({"PGPASSWORD": parts.password} if parts.password else {})}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode and "already exists" not in done.stderr:
        raise SystemExit(f"Could not create the database {name}: {done.stderr.strip()}")


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_server(env, port, log=None):
    """gunicorn in its own process group (so it can be stopped whole); waits for /healthz."""
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=log,
        stderr=subprocess.STDOUT if log else None,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
        if process.poll() is not None:
            raise SystemExit(f"gunicorn on port {port} exited with {process.returncode}")
    stop_server(process)
    raise SystemExit(f"gunicorn on port {port} did not answer /healthz within 60 s")


def stop_server(process, sig=signal.SIGTERM):
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def run_wrk(url, *, connections, seconds, cookie=None):
    """One wrk run; returns latency percentiles in ms and requests per second."""
    command = [
        "wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{seconds}s",
        "--timeout", "10s", "-s", str(LUA), url,
    ]  # fmt: skip
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = re.search(r"^WRK_JSON (.*)$", output, re.MULTILINE)
    if not match:
        raise SystemExit(f"wrk printed no summary for {url}:\n{output}")
    raw = json.loads(match.group(1))
    seconds_run = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "rps": round(raw["requests"] / seconds_run, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "errors": raw["socket_errors"] + raw["non_2xx_3xx"],
    }


def settle(base_url, seconds=120):
    """
    Wait until the server is idle again: wrk stops at its deadline, but a slow page's
    queued requests keep the workers busy, which would slow the next page's run.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=seconds):
                pass
        except OSError:
            pass
        if time.monotonic() - started < 0.05:
            return
        time.sleep(0.2)


def warm(url, cookie=None):
    """One request before measuring: the steady state, with caches filled, is what counts."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=300) as answer:
        answer.read()


def cell(run):
    """One run's columns; a run in which no request finished says so."""
    if not run["requests"]:
        return f" |       {'(none finished)':>24} {'0%':>6}"
    return (
        f" |       {run['p50_ms']:>7} {run['p95_ms']:>7} {run['rps']:>8}"
        f" {run.get('share_of_baseline', 100):>5}%"
    )


def table(results, levels):
    header = f"{'page':<34} {'queries':>7}"
    for level in levels:
        header += f" | c={level:<3} {'p50':>7} {'p95':>7} {'req/s':>8} {'base%':>6}"
    lines = [header, "-" * len(header)]
    for page in [results["baseline"], *results["pages"]]:
        line = f"{page['name'][:34]:<34} {page['queries']:>7}"
        for level in levels:
            line += cell(page["runs"][str(level)])
        lines.append(line)
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--smoke", action="store_true", help="Tiny network, short runs (CI).")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seconds", type=int, default=None, help="Length of each wrk run.")
    parser.add_argument("--concurrency", default=None, help="Comma-separated, e.g. 1,4,16.")
    parser.add_argument("--only", default="", help="Only the pages whose name contains this.")
    args = parser.parse_args(argv)
    # Stopped (Ctrl-C, CI timeout): still stop the server in the `finally` below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    seconds = args.seconds or (1 if args.smoke else 10)
    levels = [int(n) for n in (args.concurrency or ("4" if args.smoke else "1,4,16")).split(",")]

    env = server_environment(args.port)
    if not env.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("The benchmark runs on PostgreSQL: set DATABASE_URL=postgres://...")
    os.environ.update(env)
    ensure_database(env["DATABASE_URL"])
    manage("migrate", "--noinput", "-v0", env=env)
    manage("seed_scale", *(["--smoke"] if args.smoke else []), env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)

    import django

    django.setup()
    from bench.pages import bench_pages, count_queries

    pages = [page for page in bench_pages() if args.only.casefold() in page.name.casefold()]
    server = start_server(env, args.port)
    try:
        base_url = f"http://127.0.0.1:{args.port}"
        results = {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "smoke": args.smoke,
            "seconds_per_run": seconds,
            "concurrency": levels,
            "server": {
                "workers": env["WEB_CONCURRENCY"],
                "threads": env["GUNICORN_THREADS"],
                "cores": os.cpu_count(),
            },
            "baseline": {"name": "baseline (no query)", "path": "/bench/baseline/", "runs": {}},
            "pages": [],
        }
        results["baseline"]["queries"] = count_queries("/bench/baseline/", None)
        for level in levels:
            results["baseline"]["runs"][str(level)] = run_wrk(
                base_url + "/bench/baseline/", connections=level, seconds=seconds
            )
        for page in pages:
            entry = {
                "name": page.name,
                "path": page.path,
                "signed_in": page.user is not None,
                "queries": count_queries(page.path, page.user),
                "runs": {},
            }
            warm(base_url + page.path, page.cookie)
            for level in levels:
                run = run_wrk(
                    base_url + page.path, connections=level, seconds=seconds, cookie=page.cookie
                )
                settle(base_url)
                base_rps = results["baseline"]["runs"][str(level)]["rps"]
                run["share_of_baseline"] = round(100 * run["rps"] / base_rps) if base_rps else 0
                entry["runs"][str(level)] = run
            results["pages"].append(entry)
            print(f"measured {page.name}", file=sys.stderr)
    finally:
        stop_server(server)

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d-%H%M%S")
    out = RESULTS / f"{stamp}{'-smoke' if args.smoke else ''}.json"
    out.write_text(json.dumps(results, indent=2))
    print(table(results, levels))
    print(f"\nWritten to {out.relative_to(ROOT)}")
    failures = [
        page["name"]
        for page in [results["baseline"], *results["pages"]]
        if any(run["errors"] for run in page["runs"].values())
    ]
    if failures:
        raise SystemExit(f"Some requests failed (non-2xx/3xx or socket errors): {failures}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
