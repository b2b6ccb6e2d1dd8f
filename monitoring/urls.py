from django.urls import path

from monitoring.views import cases, dashboard, entities, exports, flags, national, notes

app_name = "monitoring"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("eksport.csv", exports.dashboard_csv, name="dashboard_csv"),
    path("landet/", national.national, name="national"),
    path("organisation/<str:org_no>/", entities.organisation_page, name="organisation"),
    path(
        "organisation/<str:org_no>/rapport.xlsx",
        exports.organisation_xlsx,
        name="organisation_xlsx",
    ),
    path("organisation/<str:org_no>/sager/", cases.organisation_cases, name="organisation_cases"),
    path(
        "organisation/<str:org_no>/rapport/",
        exports.organisation_print,
        name="organisation_report",
    ),
    path(
        "organisation/<str:org_no>/noegletal.csv",
        exports.figures_csv,
        name="organisation_figures_csv",
    ),
    path(
        "organisation/<str:org_no>/afdeling/<str:estate_no>/",
        entities.estate_page,
        name="estate",
    ),
    path(
        "organisation/<str:org_no>/afdeling/<str:estate_no>/noegletal.csv",
        exports.figures_csv,
        name="estate_figures_csv",
    ),
    path("flag/<id:pk>/", flags.flag_page, name="flag"),
    path("organisation/<str:org_no>/notat/nyt/", notes.note_new, name="note_new"),
    path("notat/<id:pk>/", notes.note_page, name="note"),
]
