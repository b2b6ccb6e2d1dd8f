"""An entity import indexes, once it commits, only the organisations whose indexed values it
changed (name, number, CVR, city, estates' numbers and names, supervising municipality); a
rejected import leaves the index as it was."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from monitoring.importing import ImportFile, error_lines, import_entities
from monitoring.models import ImportBatch, Organisation
from portal import roles

pytestmark = pytest.mark.django_db

ORG_HEADER = "org_no,name,seat_municipality_code,address,cvr,city"
ESTATE_HEADER = "org_no,estate_no,name,municipality_code,homes,area_m2,year_built"


def organisation_rows(count):
    """{org_no: [name, cvr, city, address, seat]} of `count` organisations seated in København."""
    return {
        f"{n:04}": [f"Boligforening nr {n}", f"{10000000 + n}", "København", f"Vej {n}", 101]
        for n in range(1, count + 1)
    }


def estate_rows(org_numbers):
    """{(org_no, estate_no): name}: two estates each."""
    return {(org_no, f"{e:03}"): f"Afdeling {org_no}-{e}" for org_no in org_numbers for e in (1, 2)}


def imported(orgs, estates):
    """Import the rows as files."""
    org_lines = [
        f"{no},{name},{seat},{address},{cvr},{city}"
        for no, (name, cvr, city, address, seat) in orgs.items()
    ]
    estate_lines = [f"{no},{e_no},{name},101,40,3000,1970" for (no, e_no), name in estates.items()]
    return import_entities(
        ImportFile("organisations.csv", "\n".join([ORG_HEADER, *org_lines]).encode()),
        ImportFile("estates.csv", "\n".join([ESTATE_HEADER, *estate_lines]).encode()),
    )


@pytest.fixture
def import_now(django_capture_on_commit_callbacks):
    def run(orgs, estates):
        with django_capture_on_commit_callbacks(execute=True):
            batch = imported(orgs, estates)
        return batch

    return run


def organisation_entries():
    content_type = ContentType.objects.get_for_model(Organisation)
    return IndexEntry.objects.filter(content_type=content_type)


def indexed_org_numbers():
    ids = [int(pk) for pk in organisation_entries().values_list("object_id", flat=True)]
    return set(Organisation.objects.filter(pk__in=ids).values_list("org_no", flat=True))


def found(query):
    """The numbers of the organisations the index finds for the query."""
    results = get_search_backend().search(query, Organisation.objects.all())
    return {organisation.org_no for organisation in results}


def test_an_import_indexes_exactly_the_organisations_whose_searchable_text_changed(import_now):
    orgs = organisation_rows(8)
    estates = estate_rows(orgs)
    assert import_now(orgs, estates).status == ImportBatch.Status.SUCCEEDED
    assert indexed_org_numbers() == set(orgs)
    # The entries taken away, so that what the next import indexes can be counted.
    organisation_entries().delete()

    orgs["0001"][0] = "Boligforening Solbakken"
    estates[("0002", "001")] = "Afdeling Kildevang"
    estates[("0003", "003")] = "Afdeling Nybyg"
    orgs["0004"][1] = "87654321"
    orgs["0005"][2] = "Valby"
    orgs["0006"][3] = "Ny adresse 7"  # not in the index: not indexed again
    estates[("0007", "001")] += " "  # read without the space: unchanged
    orgs["0008"][4] = 751  # filtered by (Elasticsearch holds it)
    orgs["0009"] = ["Boligforening nr 9", "10000009", "København", "Vej 9", 101]
    batch = import_now(orgs, estates)

    assert batch.status == ImportBatch.Status.SUCCEEDED, error_lines(batch)
    assert indexed_org_numbers() == {"0001", "0002", "0003", "0004", "0005", "0008", "0009"}


def test_renamed_organisation_and_estate_are_found_by_their_new_names_only(
    import_now, client, make_user, login
):
    orgs = organisation_rows(3)
    estates = estate_rows(orgs)
    orgs["0001"][0] = "Boligselskabet Kløverhusene"
    estates[("0002", "001")] = "Pæretræshaven"
    import_now(orgs, estates)
    assert (found("Kløverhusene"), found("Pæretræshaven")) == ({"0001"}, {"0002"})
    login(client, make_user(roles.EDITOR, mfa=True))
    assert organisation_tab(client, "Kløverhusene") == ["Boligselskabet Kløverhusene"]

    orgs["0001"][0] = "Boligselskabet Solsikkegården"
    estates[("0002", "001")] = "Mirabellehaven"
    import_now(orgs, estates)

    assert (found("Solsikkegården"), found("Mirabellehaven")) == ({"0001"}, {"0002"})
    assert (found("Kløverhusene"), found("Pæretræshaven")) == (set(), set())
    assert organisation_tab(client, "Solsikkegården") == ["Boligselskabet Solsikkegården"]
    assert organisation_tab(client, "Mirabellehaven") == ["Boligforening nr 2"]
    assert organisation_tab(client, "Kløverhusene") == []


def organisation_tab(client, query):
    """The titles on the search page's Organisationer tab."""
    response = client.get("/soeg/", {"q": query, "type": "organisation"})
    assert response.status_code == 200
    return [hit.title for hit in response.context["results_page"]]


def test_a_rejected_import_leaves_the_index_and_the_data_as_they_were(import_now):
    orgs = organisation_rows(3)
    estates = estate_rows(orgs)
    import_now(orgs, estates)
    index_before = sorted(organisation_entries().values_list("object_id", "title", "body"))
    data_before = sorted(Organisation.objects.values_list("org_no", "name", "cvr"))

    orgs["0001"][0] = "Boligselskabet Solsikkegården"
    orgs["0002"][1] = "1234"  # not a CVR number
    estates[("0003", "001")] = "Mirabellehaven"
    batch = import_now(orgs, estates)

    assert batch.status == ImportBatch.Status.FAILED
    assert any("er ikke et CVR-nummer" in line for line in error_lines(batch))
    assert sorted(organisation_entries().values_list("object_id", "title", "body")) == index_before
    assert sorted(Organisation.objects.values_list("org_no", "name", "cvr")) == data_before
    assert (found("Solsikkegården"), found("Mirabellehaven")) == (set(), set())
    assert found("Boligforening") == {"0001", "0002", "0003"}


def test_indexing_queries_do_not_grow_with_the_organisations_left_unchanged(
    import_now, django_capture_on_commit_callbacks
):
    def indexing_queries_of_one_rename(count):
        Organisation.objects.all().delete()
        orgs = organisation_rows(count)
        estates = estate_rows(orgs)
        import_now(orgs, estates)
        orgs["0001"][0] = "Boligselskabet Solsikkegården"
        estates[("0002", "002")] = "Mirabellehaven"
        with django_capture_on_commit_callbacks() as due_on_commit:
            imported(orgs, estates)
        with CaptureQueriesContext(connection) as queries:
            for callback in due_on_commit:
                callback()
        assert (found("Solsikkegården"), found("Mirabellehaven")) == ({"0001"}, {"0002"})
        return len(queries)

    assert indexing_queries_of_one_rename(3) == indexing_queries_of_one_rename(40)
