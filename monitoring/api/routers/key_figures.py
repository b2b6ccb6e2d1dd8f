"""The key-figure catalogue: what each code means, and the guidance that helps act on it."""

from ninja import Router

from monitoring.api.schemas import ERRORS, KeyFigureOut
from monitoring.models import KeyFigure

router = Router(tags=["key-figures"])


@router.get(
    "/key-figures",
    response={200: list[KeyFigureOut], **ERRORS},
    url_name="key_figures",
    operation_id="key_figures",
    summary="Nøgletalskataloget",
    description="Alle nøgletal: kode, navn, enhed, retning, værditype og vejledning.",
)
def list_key_figures(request):
    return KeyFigure.objects.select_related("guidance_page")
