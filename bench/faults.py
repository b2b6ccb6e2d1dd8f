"""The load test with faults: nothing the portal acknowledged may be lost or stored twice.

    python -m bench.faults [--users 50] [--duration 300] [--workers 4]

During the load of bench/loadtest.py, one after another:

1. the task worker is killed (SIGKILL) while it runs an import or an evaluation, and started
   again 10 s later;
2. PostgreSQL is restarted (`pg_ctlcluster … main restart`: every connection is cut);
3. Redis (the load test's own) is stopped for 30 s;
4. a gunicorn worker is killed (SIGKILL) in the middle of its requests.

Afterwards, once the task worker has emptied the queue, it prints what was acknowledged against
what is stored, and exits non-zero on a lost or duplicated write or a task that did not run.
Requests that fail during a fault are reported but are not the verdict: people retry, and the
journeys send a failed write once more, as a person would. PostgreSQL and Redis are brought
back up whatever happens. See docs/performance.md.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench import loadtest

FIRST_FAULT = 8
# Long enough for the editor's first import to be queued on a busy machine.
RUNNING_TASK_WAIT = 90
WORKER_DOWN = 10
BETWEEN_FAULTS = 10
REDIS_DOWN = 30
MIN_DURATION = 240


def postgresql_cluster():
    """(version, name) of this host's PostgreSQL cluster, as pg_ctlcluster names it."""
    return sorted(os.listdir("/etc/postgresql"))[-1], "main"


def pg_ctlcluster(action):
    version, name = postgresql_cluster()
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def ensure_postgresql_runs():
    if pg_ctlcluster("status").returncode != 0:
        log("PostgreSQL is down: starting it")
        pg_ctlcluster("start")


def log(message):
    print(f"  [fault {time.strftime('%H:%M:%S')}] {message}", flush=True)


def plan(services, duration):
    """The faults, one after another, from FIRST_FAULT seconds into the load."""
    started = time.monotonic()
    try:
        time.sleep(FIRST_FAULT)
        kill_task_worker(services.worker)
        time.sleep(BETWEEN_FAULTS)
        restart_postgresql()
        time.sleep(BETWEEN_FAULTS)
        redis_outage(services.redis)
        time.sleep(BETWEEN_FAULTS / 2)
        kill_gunicorn_worker(services.gunicorn)
    finally:
        if services.redis.process.poll() is not None:
            services.redis.start()
        ensure_postgresql_runs()
    log(f"all faults made in {time.monotonic() - started:.0f} s of the {duration} s of load")


def kill_task_worker(worker):
    """Kill the worker while it runs an import or an evaluation (waiting for one up to
    RUNNING_TASK_WAIT s): long tasks that write. An e-mail task is over in milliseconds, and
    one killed after sending would be sent again, which the ledger reports."""
    from django.db import close_old_connections, connection
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from monitoring.importing.tasks import run_uploaded_import
    from monitoring.tasks import evaluate_flags

    long_tasks = [run_uploaded_import.module_path, evaluate_flags.module_path]

    deadline = time.monotonic() + RUNNING_TASK_WAIT
    running = None
    while running is None and time.monotonic() < deadline:
        close_old_connections()
        running = (
            DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, task_path__in=long_tasks)
            .values_list("task_path", flat=True)
            .first()
        )
        time.sleep(0.2)
    connection.close()
    worker.kill()
    log(f"task worker killed {'while running ' + running if running else 'while idle'}")
    time.sleep(WORKER_DOWN)
    worker.start()
    log("task worker started again")


def restart_postgresql():
    started = time.monotonic()
    result = pg_ctlcluster("restart")
    if result.returncode != 0:
        raise RuntimeError(f"pg_ctlcluster restart failed: {result.stderr.strip()}")
    log(f"PostgreSQL restarted in {time.monotonic() - started:.1f} s")


def redis_outage(redis):
    redis.stop()
    log(f"Redis stopped for {REDIS_DOWN} s")
    try:
        time.sleep(REDIS_DOWN)
    finally:
        redis.start()
    log("Redis started again")


def kill_gunicorn_worker(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    victim = int(children[0])
    os.kill(victim, signal.SIGKILL)
    log(f"gunicorn worker {victim} killed; the master starts another")


def main(argv=None):
    args = loadtest.arguments(argv, __doc__.split("\n\n")[0])
    if args.duration < MIN_DURATION:
        print(
            f"The faults take up to about {MIN_DURATION - 40} s: give at least --duration "
            f"{MIN_DURATION}"
        )
        return 1
    try:
        return loadtest.run(args, faults=plan)
    finally:
        ensure_postgresql_runs()


if __name__ == "__main__":
    sys.exit(main())
