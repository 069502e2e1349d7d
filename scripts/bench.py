"""`make bench`: the portal against the limits of this server stack and beside a peer site.

1. At the real data (a fresh database with the fixtures), page cache off: home, China, Chongqing
   and a filtered agreement list, interleaved in two rounds with the stack's ceilings (a constant
   20 KB view, one ORM query rendered into 20 KB) and, with ``--peer URL`` (or BENCH_PEER_URL),
   Wagtail's bakerydemo served by the same gunicorn settings: its home and a blog post. The
   ratios the renovation issue targets are computed from that one run.
2. At 100 times the data: builds .local/bench.sqlite3 once (the fixtures, generate_bulk_data
   --scale 100; later runs only migrate it), serves it the way `make serve` does and measures
   each page without and with the page cache, with the same ceilings and a static file.
3. Counts SQL queries per page in-process, times the admin changelist of 100,000 agreements,
   the fixture load into an empty database, and the workers' memory.
Prints the tables and puts them in docs/performance.md, in place of the previous run's (between
markers). bakerydemo is not part of this repository: build it beside it (docs/performance.md).
"""

import argparse
import json
import os
import platform
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.serving import ROOT, fetch, run_wrk, served

BENCH_DB = ROOT / ".local" / "bench.sqlite3"
REAL_DB = ROOT / ".local" / "bench-real.sqlite3"
REAL_PAGES = {
    "home": "/it/",
    "country (China)": "/it/countries/china/",
    "partner (Chongqing)": "/it/partners/chongqing/",
    "agreements, filtered": "/it/agreements/?kind=memorandum-of-understanding&year_from=1981",
}
# (portal page, the peer's page of the same kind, the ratio the renovation issue asks for)
PEER_PAGES = {"home": "/", "blog post": "/blog/wild-yeast/"}
TARGETS = [
    ("home", "home", 8),
    ("country (China)", "blog post", 8),
    ("partner (Chongqing)", "blog post", 8),
    ("agreements, filtered", "blog post", 4),
]
ADMIN_SEARCH = "agreement 0099"  # a word in every title, and a selective one
RESULTS_DOC = ROOT / "docs" / "performance.md"
RESULTS_START, RESULTS_END = "<!-- make bench: results -->", "<!-- make bench: end of results -->"
PORT = 8140
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def django_env(database=BENCH_DB, **extra):
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "scripts.bench_settings",
        **extra,
    }


def manage(*args, env=None):
    started = time.monotonic()
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env or django_env(), capture_output=True, text=True, check=True
    )
    return result.stdout, time.monotonic() - started


def build_database(regenerate):
    if BENCH_DB.exists() and not regenerate:
        manage("migrate", "--noinput")  # new indexes reach an existing bench database too
        return None
    for suffix in ("", "-wal", "-shm"):
        Path(f"{BENCH_DB}{suffix}").unlink(missing_ok=True)
    BENCH_DB.parent.mkdir(exist_ok=True)
    manage("migrate", "--noinput")
    manage("load_portal_data")
    out, seconds = manage("generate_bulk_data", "--scale", "100")
    print(out.strip())
    return seconds


def real_data_ratios(duration, peer):
    """Round-robin runs at the real data (page cache off), beside the ceilings and the peer."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{REAL_DB}{suffix}").unlink(missing_ok=True)
    env = django_env(REAL_DB, DJANGO_PAGE_CACHE="false")
    manage("migrate", "--noinput", env=env)
    manage("load_portal_data", env=env)
    runs = {}
    with served(PORT, env) as base:
        targets = {name: base + url for name, url in REAL_PAGES.items()}
        targets["constant view (ceiling)"] = base + "/bench/constant/"
        targets["one query + template (ceiling)"] = base + "/bench/one-query/"
        if peer:
            targets.update({f"bakerydemo {name}": peer.rstrip("/") + path for name, path in PEER_PAGES.items()})
        for _round in range(2):  # this machine's speed drifts: alternate, then average
            for name, url in targets.items():
                runs.setdefault(name, []).append(wrk(url, duration)["rps"])
    rps = {name: sum(values) / len(values) for name, values in runs.items()}
    lines = [
        "Real data (the fixtures), page cache off, two interleaved rounds of wrk -t2 -c16, "
        f"{duration} s each, averaged (req/s):",
        "",
        "| page | portal | peer page | peer | ratio | target | vs constant view | vs one query |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for name, peer_name, target in TARGETS:
        peer_rps = rps.get(f"bakerydemo {peer_name}")
        ratio = f"{rps[name] / peer_rps:.1f}×" if peer_rps else "—"
        verdict = ("met" if rps[name] / peer_rps >= target else "**not met**") if peer_rps else "no peer"
        lines.append(
            f"| {name} | {rps[name]:.0f} | bakerydemo {peer_name} | {peer_rps or 0:.0f} | {ratio} | "
            f"≥ {target}× ({verdict}) | {rps[name] / rps['constant view (ceiling)']:.1%} | "
            f"{rps[name] / rps['one query + template (ceiling)']:.0%} |"
        )
    for name in ("constant view (ceiling)", "one query + template (ceiling)"):
        lines.append(f"| {name} | {rps[name]:.0f} | | | | | | |")
    return lines, rps


def fixture_load_seconds():
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{work}/fresh.sqlite3"}
        manage("migrate", "--noinput", env=env)
        _, seconds = manage("load_portal_data", env=env)
    return seconds


def pick_urls():
    """Real addresses in the bench database for each kind of page."""
    db = sqlite3.connect(BENCH_DB)
    country = db.execute(
        "SELECT c.slug FROM relations_country c JOIN relations_partner p ON p.country_id = c.id "
        "WHERE c.slug LIKE 'synthetic-%' GROUP BY c.id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    partner = db.execute(
        "SELECT p.slug FROM relations_partner p JOIN relations_agreement_partners ap ON ap.partner_id = p.id "
        "GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    db.close()
    filtered = "/it/agreements/?kind=memorandum-of-understanding&year_from=1981"
    return {
        "home": "/it/",
        "country": f"/it/countries/{country}/",
        "partner": f"/it/partners/{partner}/",
        "agreements, 2 filters": filtered,
        "agreements, page 500": f"{filtered}&page=500",
        "timeline": "/it/timeline/",
        "Business & Asia": "/it/business/",
        "search": "/it/search/?q=Hamamatsu",
    }


def wrk(url, duration, connections=16, headers=()):
    return run_wrk(url, duration, connections, headers=headers, timeout="10s")


def bench_django(*args, **env):
    """Run scripts/bench_django.py against the bench database; its last line of output."""
    command = [PYTHON, str(ROOT / "scripts" / "bench_django.py"), *args]
    result = subprocess.run(command, cwd=ROOT, env=django_env(**env), capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def queries_per_page(urls):
    out = bench_django(
        "queries",
        json.dumps(urls),
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-" * 10,
        DJANGO_HTTPS="false",
        DJANGO_PAGE_CACHE="false",
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    return json.loads(out)


def admin_session():
    secret = (ROOT / ".local" / "secret-key").read_text().strip()  # the key `make serve` signs sessions with
    return bench_django("session", DJANGO_SECRET_KEY=secret)


def worker_memory_mb(port):
    """Resident memory of the gunicorn workers behind `make serve` (on its unix socket)."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            cmdline = (status.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            text = status.read_text()
        except OSError:
            continue
        if "gunicorn.sock" in cmdline and "gunicorn" in cmdline:
            parent = int(re.search(r"PPid:\s+(\d+)", text).group(1))
            parent_cmd = Path(f"/proc/{parent}/cmdline").read_bytes().decode(errors="replace")
            if "gunicorn" in parent_cmd:  # a worker, not the master
                sizes.append(int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024)
    return sizes


def cpu_times():
    """(stolen, total) CPU jiffies so far: what the hypervisor took from this machine's cores."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return fields[7], sum(fields[:8])


def stolen_share(before, after):
    return (after[0] - before[0]) / max(1, after[1] - before[1])


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the bench database")
    parser.add_argument("--peer", default=os.environ.get("BENCH_PEER_URL", ""), help="bakerydemo's address")
    args = parser.parse_args()

    # Production settings (DEBUG off) need the hashed static files, as `make serve` prepares them.
    manage(
        "collectstatic",
        "--noinput",
        "--ignore",
        "scss",
        env=django_env(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="bench-" * 10),
    )
    real_lines, real_rps = real_data_ratios(args.duration, args.peer)
    print("\n".join(real_lines), flush=True)

    generate_seconds = build_database(args.regenerate)
    urls = pick_urls()
    queries = queries_per_page({**urls, "admin changelist": "/admin/relations/agreement/"})
    load_seconds = fixture_load_seconds()
    session = admin_session()
    rows, extra = [], {}

    with served(PORT, django_env(DJANGO_PAGE_CACHE="false")) as base:
        sizes = {name: len(fetch(base + url)[1]) for name, url in urls.items()}
        size = len(fetch(base + "/bench/constant/")[1])
        static_dir = ROOT / "staticfiles" / "bench"
        static_dir.mkdir(parents=True, exist_ok=True)
    # The static ceiling serves a file of the constant response's size (20 KB, as in the reference).
    (static_dir / "page.html").write_bytes(b"x" * size)  # WhiteNoise indexes STATIC_ROOT at start

    started = cpu_times()
    with served(PORT, django_env(DJANGO_PAGE_CACHE="false")) as base:
        ceiling_static = wrk(base + "/static/bench/page.html", args.duration)
        ceiling_constant = wrk(base + "/bench/constant/", args.duration)
        ceiling_one_query = wrk(base + "/bench/one-query/", args.duration)
        for name, url in urls.items():
            rows.append((name, "no cache", wrk(base + url, args.duration), queries.get(name), ceiling_constant))
            print(f"  {name}: {rows[-1][2]}", flush=True)
        admin = wrk(
            base + "/admin/relations/agreement/", args.duration, connections=1, headers=[f"Cookie: sessionid={session}"]
        )
        admin_search = wrk(
            base + "/admin/relations/agreement/?" + urlencode({"q": ADMIN_SEARCH}),
            args.duration,
            connections=1,
            headers=[f"Cookie: sessionid={session}"],
        )
        extra["memory_uncached"] = worker_memory_mb(PORT)
    middle = cpu_times()
    with served(PORT, django_env(DJANGO_PAGE_CACHE="true")) as base:
        # The ceiling again, next to the pages compared with it: this machine's speed drifts.
        ceiling_cached_run = wrk(base + "/bench/constant/", args.duration)
        for name in ("home", "country", "partner"):
            fetch(base + urls[name])
            rows.append((name, "nginx cache", wrk(base + urls[name], args.duration), 0, ceiling_cached_run))
        extra["memory_cached"] = worker_memory_mb(PORT)
    ended = cpu_times()

    lines = [
        f"* Machine: {machine()}",
        "",
        *real_lines,
        "",
        "At 100 times the data:",
        "",
        "* Data: fixtures + generate_bulk_data --scale 100"
        + (f" (generated in {generate_seconds:.0f} s)" if generate_seconds else ""),
        "* Server: make serve (nginx in front of gunicorn with 2 sync workers, DEBUG off), "
        f"wrk -t2 -c16, {args.duration} s per page",
        "",
        "| page | mode | KB | req/s | p50 | p99 | SQL queries | vs constant view | vs static file |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, mode, r, count, ceiling in rows:
        lines.append(
            f"| {name} | {mode} | {sizes[name] / 1024:.0f} | {r['rps']:.0f} | {r['p50']} | {r['p99']} | {count} | "
            f"{share(r['rps'], ceiling['rps'])} | {share(r['rps'], ceiling_static['rps'])} |"
        )
    for label, ceiling in (
        ("with the uncached pages", ceiling_constant),
        ("with the cached pages", ceiling_cached_run),
    ):
        lines.append(
            f"| constant view (ceiling), {label} | — | {size / 1024:.0f} | {ceiling['rps']:.0f} | "
            f"{ceiling['p50']} | {ceiling['p99']} | 0 | 100% | {share(ceiling['rps'], ceiling_static['rps'])} |"
        )
    lines += [
        f"| static file, same size (nginx) | — | {size / 1024:.0f} | {ceiling_static['rps']:.0f} | "
        f"{ceiling_static['p50']} | {ceiling_static['p99']} | 0 | | 100% |",
        "",
        f"* One ORM query + template (ceiling) at 100×: {ceiling_one_query['rps']:.0f} req/s. "
        + half_ratio_check(rows, ceiling_constant, real_rps),
        f"* Admin changelist of 100,000 agreements (1 connection): p50 {admin['p50']}, p99 {admin['p99']}, "
        f"{admin['rps']:.0f} req/s, {queries['admin changelist']} queries; "
        f"with a search ({ADMIN_SEARCH!r}): p50 {admin_search['p50']}, "
        f"p99 {admin_search['p99']}",
        f"* Fixture load into an empty database (load_portal_data): {load_seconds:.1f} s",
        f"* Worker memory (RSS) after the runs: uncached {', '.join(f'{m:.0f} MB' for m in extra['memory_uncached'])}; "
        f"cached {', '.join(f'{m:.0f} MB' for m in extra['memory_cached'])}",
        f"* Errors (non-2xx) across all runs: {sum(r['non_2xx'] for _, _, r, _, _ in rows)}",
        f"* CPU time taken by the hypervisor (steal) during the runs: {stolen_share(started, middle):.1%} uncached, "
        f"{stolen_share(middle, ended):.1%} cached (0% on a dedicated machine; the ratios compare runs made together)",
    ]
    report = "\n".join(lines)
    print(report)
    write_results(report)
    print(f"\nWritten to {RESULTS_DOC.relative_to(ROOT)}, between its '{RESULTS_START}' markers")


# The 100x pages that correspond to the real-data ones, for "no page falls below half its ratio".
SCALED = {
    "home": "home",
    "country": "country (China)",
    "partner": "partner (Chongqing)",
    "agreements, 2 filters": "agreements, filtered",
}


def share(part, whole):
    """A percentage with a decimal when it is small, so 0.3% does not read as 0%."""
    ratio = part / whole
    return f"{ratio:.1%}" if ratio < 0.1 else f"{ratio:.0%}"


def half_ratio_check(rows, ceiling_constant, real_rps):
    """Each page's share of the constant view at 100x against half its share at the real data."""
    parts = []
    for name, mode, result, _count, _ceiling in rows:
        if mode != "no cache" or name not in SCALED:
            continue
        scaled = result["rps"] / ceiling_constant["rps"]
        real = real_rps[SCALED[name]] / real_rps["constant view (ceiling)"]
        parts.append(
            f"{name} {scaled:.1%} of the constant view at 100× vs {real:.1%} at the real data "
            f"({'holds' if scaled >= real / 2 else 'below half'})"
        )
    return "Ratio at 100× against half the ratio at the real data: " + "; ".join(parts) + "."


def write_results(report):
    """Put this run's report in docs/performance.md, in place of the previous run's block."""
    text = RESULTS_DOC.read_text(encoding="utf-8")
    if RESULTS_START not in text or RESULTS_END not in text:
        raise SystemExit(f"{RESULTS_DOC}: the markers {RESULTS_START} and {RESULTS_END} are missing")
    before, rest = text.split(RESULTS_START, 1)
    after = rest.split(RESULTS_END, 1)[1]
    block = f"{RESULTS_START}\n_`make bench` of {date.today().isoformat()}, as printed:_\n\n{report}\n{RESULTS_END}"
    RESULTS_DOC.write_text(before + block + after, encoding="utf-8")


if __name__ == "__main__":
    main()
