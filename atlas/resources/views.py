"""Public pages of the resources library: the searchable list, a page per resource, the download."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from atlas.directory.models import Language, PublicationStatus
from atlas.events.models import Topic
from atlas.resources.models import Resource
from atlas.resources.queries import PAGE_SIZE, filter_resources, parse_filters
from atlas.resources.validation import content_type_for


class ResourceListView(TemplateView):
    template_name = "resources/resource_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = parse_filters(self.request.GET)
        page = Paginator(filter_resources(filters), PAGE_SIZE).get_page(self.request.GET.get("page"))
        page.object_list = list(page.object_list)
        context.update({
            "filters": filters,
            "filter_query": urlencode(filters.as_query()),
            "page": page,
            "resources": page.object_list,
            "topics": Topic.objects.all(),
            "languages": Language.objects.filter(
                Q(resources__status=PublicationStatus.PUBLISHED) | Q(code__in=filters.languages)
            ).distinct().order_by("german_name"),
            "kinds": Resource.Kind.choices,
        })
        return context


class ResourceDetailView(TemplateView):
    template_name = "resources/resource_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        resource = get_object_or_404(Resource.objects.published().prefetch_related("topics", "languages"),
                                     slug=kwargs["slug"])
        download_url = None
        if resource.file:
            download_url = reverse("resources:resource-download", kwargs={"slug": resource.slug})
        context.update({
            "resource": resource,
            "topics": list(resource.topics.all()),
            "languages": list(resource.languages.all()),
            "download_url": download_url,
            "file_size": _size_or_none(resource),
        })
        return context


def _size_or_none(resource):
    if not resource.file:
        return None
    try:
        return resource.file.size
    except OSError:
        return None


class ResourceDownloadView(View):
    """The file of a published resource, always as an attachment with the type its (checked)
    extension stands for, never one guessed by the browser."""

    def get(self, request, slug):
        resource = get_object_or_404(Resource.objects.published(), slug=slug)
        if not resource.file:
            raise Http404
        try:
            handle = resource.file.open("rb")
        except OSError:
            raise Http404 from None
        response = FileResponse(handle, as_attachment=True, filename=resource.file_name,
                                content_type=content_type_for(resource.file.name))
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "public, max-age=3600"
        return response
