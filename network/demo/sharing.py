"""A group's demo attachments and library documents, built at load time and saved through the
upload check and the code that saves members' uploads, so each file's type is detected from its
content as a member's would be. Files already there (by name, on their post or in their folder)
are left alone."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from network import library, posting
from network.files import uploads

from .posts import find_post


def _checked(file_spec):
    content = file_spec["build"]()
    return uploads.check(SimpleUploadedFile(file_spec["name"], content))


def load_attachments(group, specs):
    """Attach each file to its post, dated as the post, by the post's author."""
    for spec in specs:
        post = find_post(group.slug, spec["thread"], spec["reply"])
        if post.attachments.filter(original_name=spec["file"]["name"]).exists():
            continue
        posting.attach(post.author, post, [_checked(spec["file"])])
        post.attachments.filter(original_name=spec["file"]["name"]).update(created=post.created)


def load_documents(group, specs, people, now):
    """Put each document in its folder of the group's library, as its uploader."""
    present = set(group.documents.values_list("folder", "title"))
    for spec in specs:
        if (spec["folder"], spec["title"]) in present:
            continue
        document = library.add_document(
            people[spec["by"]],
            group,
            _checked(spec["file"]),
            title=spec["title"],
            folder=spec["folder"],
            description=spec["description"],
        )
        document.created = now - timedelta(days=spec["days_ago"])
        document.save(update_fields=["created"])
