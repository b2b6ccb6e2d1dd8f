"""Index on save: what is published, edited or deleted is searchable when its transaction commits.

Wagtail's own handlers index in the background worker, so a new page could be missing from search
for as long as the queue took. These handlers replace them: the object is indexed in the same
transaction (the database backends then commit index and content together). Every save or
deletion of an indexed model bumps the search generation, so cached results are set aside; a
model with `search_auto_update = False` is indexed by its owner, and only bumps it here.
"""

import contextlib
import contextvars

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch import signal_handlers
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published, page_unpublished

from portal.search import texts, vocabulary
from portal.search.generation import bump_search_generation
from portal.search.index import each_text_built_once, indexed_text

# Inside `saves_not_indexed()`: saves are left to the full reindex that follows.
_not_indexed = contextvars.ContextVar("saves_not_indexed", default=False)


def index_on_save():
    for model in index.get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
            post_save.connect(_saved, sender=model, dispatch_uid="portal_search_saved")
        else:
            post_save.connect(_changed, sender=model, dispatch_uid="portal_search_saved")
        post_delete.connect(_changed, sender=model, dispatch_uid="portal_search_deleted")
    # A page's topics and other child relations are written after its own row: index it again
    # once publishing is complete.
    page_published.connect(_saved, dispatch_uid="portal_search_published")
    page_unpublished.connect(_saved, dispatch_uid="portal_search_unpublished")


def _saved(instance, raw=False, **kwargs):
    if raw or _not_indexed.get():
        return
    update(instance)


@contextlib.contextmanager
def saves_not_indexed():
    """Index no save inside, for a bulk load followed by `manage.py search_reindex` (the demo's
    pages were indexed at every save of theirs, then all of them again)."""
    token = _not_indexed.set(True)
    try:
        yield
    finally:
        _not_indexed.reset(token)


def _changed(**kwargs):
    bump_search_generation()


def update(instance):
    """Index one object now and note its words in the vocabulary."""
    indexed = index.get_indexed_instance(instance)
    if indexed is None:
        return
    with each_text_built_once():
        index.insert_or_update_object(indexed)
        texts.store([indexed])
        vocabulary.add_text(indexed_text(indexed))
    bump_search_generation()


def update_all(queryset):
    """Index many objects at once (after a bulk write, which sends no signals)."""
    objects = list(queryset)
    if not objects:
        return
    with each_text_built_once():
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(queryset.model, objects)
        texts.store(objects)
        vocabulary.add_text(" ".join(indexed_text(obj) for obj in objects))
    bump_search_generation()


def rebuild_vocabulary():
    """The vocabulary of everything indexed, counted afresh, and every page's stored text."""
    with transaction.atomic():
        vocabulary.rebuild(_with_texts_stored(_indexed_objects()))


def _indexed_objects():
    for model in index.get_indexed_models():
        if not model._meta.abstract and model._meta.concrete_model is model:
            yield from model.get_indexed_objects().iterator(chunk_size=500)


def _with_texts_stored(objects, batch=500):
    """The indexed text of each object, the pages' texts stored batch by batch on the way."""
    pending = []
    for obj in objects:
        pending.append(obj)
        if len(pending) == batch:
            texts.store(pending)
            pending = []
        yield indexed_text(obj)
    texts.store(pending)
