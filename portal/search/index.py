"""What an indexed object contributes to search besides its own fields: its text analysed the
Danish way (stems and compound parts) and its words for the vocabulary of "Mente du"."""

import contextlib
import contextvars
import functools

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Manager
from wagtail.search import index

from portal.search import analysis

ANALYSED_FIELD_NAME = "search_stems"


_BUILT = contextvars.ContextVar("search_texts_built", default=None)


def analysed_text(obj):
    """The object's text as stems and compound parts. An indexed model assigns it as a method,
    `search_stems = analysed_text`, and lists `ANALYSED_FIELD` in its `search_fields`: it is then
    found by stem and by compound part on every backend. (A method defined on the model itself,
    not on a mixin, so that Elasticsearch's mapping can name the field after the model.)"""
    return _once("stems", obj, lambda obj: analysis.analyse(indexed_text(obj)))


ANALYSED_FIELD = index.SearchField(ANALYSED_FIELD_NAME)


def indexed_text(obj):
    """The text of every search field of the object, related objects' included."""
    return _once("text", obj, lambda obj: " ".join(_field_texts(obj, obj.get_search_fields())))


@contextlib.contextmanager
def each_text_built_once():
    """While objects are indexed, each one's text and analysed text are built once: a backend
    asks for them for every part of the entry it writes (five on PostgreSQL: title, body,
    autocomplete and their plain texts), and the vocabulary once more."""
    token = _BUILT.set({})
    try:
        yield
    finally:
        _BUILT.reset(token)


def _once(kind, obj, build):
    built = _BUILT.get()
    if built is None:
        return build(obj)
    key = (kind, id(obj))
    if key not in built:
        built[key] = (obj, build(obj))  # the object held, so that no other takes its id
    return built[key][1]


def title_text(obj):
    """The text of the fields a reader sees as the object's title: `title`, or failing that
    the boosted search fields (a name)."""
    return " ".join(_field_texts(obj, _title_fields(type(obj))))


@functools.cache
def title_columns(model):
    """The names of the title fields (`title_text`) when each is a column of the model's own
    table, so a search can select them instead of loading objects; else None."""
    names = []
    for field in _title_fields(model):
        try:
            column = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:
            return None
        if not column.concrete or column.is_relation:
            return None
        names.append(column.attname)
    return tuple(names)


def joined_text(values):
    """Column values as `title_text` joins them."""
    return " ".join(_as_text(value) for value in values if value)


def _title_fields(model):
    fields = [f for f in model.get_search_fields() if isinstance(f, index.SearchField)]
    return [f for f in fields if f.field_name == "title"] or [
        f for f in fields if (f.boost or 1) > 1
    ]


def _field_texts(obj, fields):
    for field in fields:
        if isinstance(field, index.SearchField) and field.field_name != ANALYSED_FIELD_NAME:
            value = field.get_value(obj)
            if value:
                yield _as_text(value)
        elif isinstance(field, index.RelatedFields):
            related = getattr(obj, field.field_name, None)
            if related is None:
                continue
            if isinstance(related, Manager):
                related = related.all()
            elif callable(related):
                related = related()
            for item in related if hasattr(related, "__iter__") else [related]:
                yield from _field_texts(item, field.fields)


def _as_text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return str(value)
