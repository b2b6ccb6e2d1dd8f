"""The monitoring API: one NinjaAPI with its routers, authentication and Danish errors."""

from ninja import NinjaAPI

from monitoring.api.auth import auth
from monitoring.api.errors import register_error_handlers
from monitoring.api.routers import flags, key_figures, organisations
from monitoring.views.gate import monitoring_view

api = NinjaAPI(
    title="Tilsynsportalen: monitorering",
    version="1",
    description=(
        "Læseadgang til boligorganisationer, afdelinger, nøgletal og flag med samme adgang som "
        "portalens sider: en sagsbehandler ser de organisationer, kommunen fører tilsyn med, "
        "styrelsen ser alle. Log ind i portalen (med totrinsbekræftelse), eller send et "
        "API-token som `Authorization: Bearer …`."
    ),
    urls_namespace="monitoring_api",
    auth=auth,
    # The schema and the docs describe structure only, but are for monitoring users.
    docs_decorator=monitoring_view,
)
register_error_handlers(api)

for router in (organisations.router, flags.router, key_figures.router):
    api.add_router("", router)
