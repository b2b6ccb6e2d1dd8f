"""`make demo`'s processes (the server, the task worker, scheduled publishing) share one cache in
files (`CACHE_DIR`): a generation one of them moves is the one the others read, so a page
published on schedule or an import run by the worker is not hidden by what the server keeps."""

from tests.portal.test_production_settings import run_python

GENERATION = "from portal.cache import content_generation as now; print(now(), end=' ')"
MOVE = "from portal.cache import bump_content_generation; bump_content_generation()"


def in_demo_process(tmp_path, *lines):
    result = run_python(
        "-c",
        "; ".join(lines),
        DJANGO_SETTINGS_MODULE="portal.settings.base",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL="",
        ELASTICSEARCH_URL="",
        CACHE_DIR=str(tmp_path / "demo-cache"),
    )
    assert result.returncode == 0, result.stderr
    return [int(value) for value in result.stdout.split()]


def test_a_generation_moved_by_one_process_is_read_by_the_others(tmp_path):
    [server] = in_demo_process(tmp_path, GENERATION)
    worker_before, worker_after = in_demo_process(tmp_path, GENERATION, MOVE, GENERATION)
    [server_again] = in_demo_process(tmp_path, GENERATION)

    assert worker_before == server
    assert worker_after != worker_before
    assert server_again == worker_after
