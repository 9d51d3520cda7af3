from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from phongtrao.api import api
from phongtrao.operations import health
from phongtrao.ui import views as ui_views
from phongtrao.ui.converters import IdConverter

register_converter(IdConverter, "id")

urlpatterns = [
    path("", ui_views.home, name="home"),
    path("favicon.ico", ui_views.favicon),
    path("sw.js", ui_views.service_worker, name="service_worker"),
    path("manifest.webmanifest", ui_views.web_app_manifest, name="manifest"),
    path("offline/", ui_views.offline, name="offline"),
    path("offline/saved/", ui_views.offline, {"saved": True}, name="offline_saved"),
    path("health/", health.health, name="health"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("me/", include("phongtrao.accounts.urls")),
    path("my-work/", include("phongtrao.mywork.urls")),
    path("plans/", include("phongtrao.plans.urls")),
    path("units/", include("phongtrao.units.urls")),
    path("organizations/", include("phongtrao.orgs.urls")),
    path("registrations/", include("phongtrao.registrations.urls")),
    path("workdays/", include("phongtrao.workdays.urls")),
    path("contributions/", include("phongtrao.contributions.urls")),
    path("notifications/", include("phongtrao.notifications.urls")),
    path("jobs/", include("phongtrao.jobs.urls")),
    path("documents/", include("phongtrao.documents.urls")),
    path("indicators/", include("phongtrao.indicators.urls")),
    path("criteria/", include("phongtrao.criteria.urls")),
    path("reports/", include("phongtrao.reports.urls")),
    path("rewards/", include("phongtrao.rewards.urls")),
    path("surveys/", include("phongtrao.surveys.urls")),
    path("portal/", include("phongtrao.portal.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
# Uploaded files are never served from MEDIA_URL, not even in development: only through
# the views that check the owning object's access (ui/downloads.stored_file).
