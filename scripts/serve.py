"""`make serve`: nginx on 127.0.0.1:PORT in front of gunicorn on a unix socket, as in production.

Renders deploy/nginx.conf.template into .local/nginx/, starts gunicorn and nginx, and stops both
together: on Ctrl-C or SIGTERM, or as soon as either of them exits. Nothing is left running.

  python scripts/serve.py --port 8000 --workers 2 [--tls-certificate C --tls-certificate-key K]

With ``--upstream ADDRESS`` (once per instance: ``10.0.0.2:8000``, ``unix:/run/portal.sock``), it
starts no gunicorn: nginx balances over instances already running, skipping one that is down.

The Django settings come from the environment (the Makefile's SERVE_ENV: DEBUG off, one proxy).
"""

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
BIN = ROOT / ".venv" / "bin"


def render(template_path, **values):
    """The nginx configuration: Django's template engine, standalone (no settings needed)."""
    import django
    from django.conf import settings
    from django.template import Context, Engine

    if not settings.configured:
        settings.configure()  # the portal's settings are gunicorn's business, not this script's
        django.setup()
    engine = Engine(autoescape=False)
    return engine.from_string(Path(template_path).read_text()).render(Context(values))


def nginx_values(args, run_dir, upstreams):
    admin_path = os.environ.get("DJANGO_ADMIN_PATH", "admin").strip("/") + "/"
    static_root = Path(os.environ.get("DJANGO_STATIC_ROOT", ROOT / "staticfiles")).resolve()
    media_root = Path(os.environ.get("DJANGO_MEDIA_ROOT", ROOT / "media")).resolve()
    return {
        # As root, the workers would otherwise run as "nobody", who may not reach the socket.
        "run_as": "root root" if os.geteuid() == 0 else "",
        "worker_processes": args.nginx_workers,
        "run_dir": run_dir,
        "mime_types": args.mime_types,
        "access_log": args.access_log,
        "max_body": "12m",  # pictures are at most 10 MB
        "cache_size": "256m",
        "login_rate": args.login_rate,
        "login_burst": args.login_burst,
        "upstreams": upstreams,
        "listen": args.host,
        "port": args.port,
        "http_port": args.http_port,
        "server_name": args.server_name,
        "tls_certificate": args.tls_certificate,
        "tls_certificate_key": args.tls_certificate_key,
        "static_root": static_root,
        "media_root": media_root,
        "admin_path": admin_path,
    }


def stop(process, sig=signal.SIGTERM, timeout=15):
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--http-port", type=int, default=80, help="with TLS: the port that redirects to HTTPS")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--nginx-workers", default="auto")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--run-dir", default=str(ROOT / ".local" / "nginx"))
    parser.add_argument("--mime-types", default="/etc/nginx/mime.types")
    parser.add_argument("--access-log", default="off", help='"off", or a path ("/dev/stdout")')
    parser.add_argument("--login-rate", default="10r/m", help="login POSTs per client address at the edge")
    parser.add_argument("--login-burst", type=int, default=5)
    parser.add_argument("--tls-certificate", default="")
    parser.add_argument("--tls-certificate-key", default="")
    parser.add_argument("--upstream", action="append", default=[], help="a running instance to balance over (repeat)")
    args = parser.parse_args()

    run_dir = Path(args.run_dir).resolve()
    shutil.rmtree(run_dir / "cache", ignore_errors=True)  # pages of an earlier run are not this run's
    run_dir.mkdir(parents=True, exist_ok=True)
    socket = run_dir / "gunicorn.sock"
    socket.unlink(missing_ok=True)
    config = run_dir / "nginx.conf"
    config.write_text(render(TEMPLATE, **nginx_values(args, run_dir, args.upstream or [f"unix:{socket}"])))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    subprocess.run([nginx, "-t", "-q", "-c", str(config), "-e", "stderr"], check=True)
    if args.upstream:
        serve_nginx_only(nginx, config, args)
        return

    gunicorn = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "portal.wsgi:application",
            "--bind",
            f"unix:{socket}",
            "--workers",
            str(args.workers),
            "--error-logfile",
            "-",
            "--no-control-socket",  # one per machine by default: several portals would share it
        ],
        cwd=ROOT,
    )
    for _ in range(100):  # the socket exists once gunicorn listens
        if socket.exists() or gunicorn.poll() is not None:
            break
        time.sleep(0.1)
    server = subprocess.Popen([nginx, "-c", str(config), "-e", "stderr", "-g", "daemon off;"], cwd=ROOT)
    print(
        f"Serving on http{'s' if args.tls_certificate else ''}://{args.host}:{args.port}/ "
        f"(nginx, then gunicorn with {args.workers} workers). Ctrl-C stops both.",
        flush=True,
    )

    stopping = []

    def on_signal(signum, frame):
        stopping.append(signum)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    while not stopping and gunicorn.poll() is None and server.poll() is None:
        time.sleep(0.2)
    stop(server, signal.SIGQUIT)  # nginx: finish the requests under way, then exit
    stop(gunicorn, signal.SIGTERM)
    socket.unlink(missing_ok=True)
    sys.exit(0 if stopping else 1)


def serve_nginx_only(nginx, config, args):
    """nginx alone, in front of instances started elsewhere; stops on Ctrl-C or SIGTERM."""
    server = subprocess.Popen([nginx, "-c", str(config), "-e", "stderr", "-g", "daemon off;"], cwd=ROOT)
    print(f"Serving on http://{args.host}:{args.port}/ (nginx over {', '.join(args.upstream)})", flush=True)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: stop(server, signal.SIGQUIT))
    sys.exit(server.wait() and 1)


if __name__ == "__main__":
    main()
