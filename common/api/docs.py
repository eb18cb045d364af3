"""Swagger UI for the API, served from drf-spectacular-sidecar's static files (works offline).

The site's Content-Security-Policy allows neither inline script nor inline style. drf-spectacular's
split view already loads its start script as a separate response (``?script``), but its page template
still carries an inline ``<style>`` block, so the page itself is written here.
"""

from django.http import HttpResponse
from django.utils.html import format_html
from drf_spectacular.plumbing import set_query_parameters
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="{favicon}">
<link rel="stylesheet" href="{css}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{bundle}"></script>
<script src="{standalone}"></script>
<script src="{start_script}"></script>
</body>
</html>
"""


class SwaggerDocsView(SpectacularSwaggerSplitView):
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        if request.GET.get("script") is not None:
            return super().get(request, *args, **kwargs)
        start_script = set_query_parameters(
            url=request.path, lang=request.GET.get("lang"), version=request.GET.get("version"), script=""
        )
        return HttpResponse(format_html(
            PAGE,
            title=self.title,
            favicon=self._swagger_ui_favicon(),
            css=self._swagger_ui_resource("swagger-ui.css"),
            bundle=self._swagger_ui_resource("swagger-ui-bundle.js"),
            standalone=self._swagger_ui_resource("swagger-ui-standalone-preset.js"),
            start_script=start_script,
        ))
