"""The public search page (thin: the work is in selectors and services)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from prongsai.core import sitestate
from prongsai.policy.selectors import enabled_categories

from . import hits as search_hits
from . import kept, selectors, services, suggestions, thai

RESULTS_PER_PAGE = 10
FILE_TYPE_LABELS = [
    ("pdf", _("PDF")),
    ("word", _("เอกสาร Word")),
    ("excel", _("ตารางข้อมูล Excel/CSV")),
]


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def search(request):
    query = selectors.clean_query(request.GET.get("q"))
    category = request.GET.get("category") or ""
    if category != selectors.DOCUMENTS_FILTER and selectors.category_of(category) is None:
        category = ""
    year_choices = selectors.fiscal_year_choices()
    fiscal_year = _int_or_none(request.GET.get("year"))
    if fiscal_year not in year_choices:
        fiscal_year = None
    file_type = request.GET.get("filetype") or ""
    if file_type not in selectors.FILE_TYPES:
        file_type = ""
    search_fragment = kept.for_request(
        request,
        query=query,
        category=category,
        fiscal_year=fiscal_year,
        file_type=file_type,
        current_year=year_choices[0],
    )
    if search_fragment is not None and search_fragment.html is not None:
        # Kept for anonymous visitors (ADR 0313): the HTML is ready, the search still counts.
        if search_fragment.counted:
            services.record_search(query, found=search_fragment.found)
        context = {"query": query, "search_fragment": search_fragment}
        return render(request, "search/search.html", context)
    site = Site.find_for_request(request)
    state = sitestate.for_request(request)
    # What may be found and what each result shows are kept per process under these tokens
    # until the site or the index changes (ADR 0340).
    stamp = (state.generation, kept.index_token(request)) if state.generation else None

    def found_for(text: str, any_word: bool = True) -> list:
        found = selectors.candidates(
            text,
            site=site,
            category=category,
            file_type=file_type,
            any_word=any_word,
            stamp=stamp,
        )
        return selectors.filter_by_fiscal_year(found, fiscal_year) if fiscal_year else found

    has_words = bool(thai.query_words(query)) if query else False
    found = found_for(query) if has_words else []
    did_you_mean = (
        suggestions.did_you_mean(
            query,
            site,
            found=len(found),
            all_words=getattr(found, "all_words", True),
            count=lambda text: len(found_for(text, any_word=False)),
        )
        if has_words
        else ""
    )
    page = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    hits = search_hits.load_hits(list(page.object_list), query, stamp) if found else []
    counted = has_words and page.number == 1
    if counted:
        services.record_search(query, found=bool(found))
    if search_fragment is not None:
        search_fragment.counted, search_fragment.found = counted, bool(found)

    params = {"q": query}
    if category:
        params["category"] = category
    if fiscal_year:
        params["year"] = fiscal_year
    if file_type:
        params["filetype"] = file_type
    filters = {key: value for key, value in params.items() if key != "q"}
    context = {
        "query": query,
        "did_you_mean": did_you_mean,
        "did_you_mean_query": urlencode({"q": did_you_mean, **filters}) if did_you_mean else "",
        "has_words": has_words,
        "results": page if found else None,
        "hits": hits,
        "total": len(found),
        "category": category,
        "fiscal_year": fiscal_year,
        "categories": enabled_categories(site),
        "documents_filter": selectors.DOCUMENTS_FILTER,
        "year_choices": year_choices,
        "file_type": file_type,
        "file_types": FILE_TYPE_LABELS,
        "extra_query": urlencode(params),
        "suggestions": selectors.category_suggestions(query, site)
        if has_words and not found
        else [],
        "max_query_length": services.MAX_QUERY_LENGTH,
        "search_fragment": search_fragment,
    }
    return render(request, "search/search.html", context)
