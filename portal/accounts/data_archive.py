"""The data download: one ZIP with the person's data as JSON, a readable summary in HTML and the
files they uploaded, as they uploaded them."""

import json
import shutil
import tempfile
import zipfile

from portal.accounts import data_summary, personal_data

DATA_FILE = "mine-data.json"
SUMMARY_FILE = "oversigt.html"
# Kept in memory up to this size, on disk beyond it.
IN_MEMORY = 16 * 1024 * 1024


def build(user):
    """The ZIP as an open file, positioned at its start."""
    data = personal_data.export(user)
    files = list(personal_data.files(user))
    archive = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zip_file:
        zip_file.writestr(DATA_FILE, json.dumps(data, ensure_ascii=False, indent=2, default=str))
        zip_file.writestr(
            SUMMARY_FILE, data_summary.render(user, data, [path for path, _ in files])
        )
        for path, stored in files:
            with stored.open("rb") as source, zip_file.open(path, "w") as target:
                shutil.copyfileobj(source, target)
    archive.seek(0)
    return archive
