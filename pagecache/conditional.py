"""Conditional GET (RFC 9110 §13): whether a client's copy of a page is still the current one."""

from django.utils.http import parse_etags, parse_http_date_safe


def is_not_modified(*, if_none_match: str, if_modified_since: str, etag: str, last_modified: str) -> bool:
    if if_none_match:
        # Weak comparison, as for GET and HEAD: W/"x" matches "x".
        return etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in parse_etags(if_none_match)} or (
            if_none_match.strip() == "*"
        )
    client_date, page_date = parse_http_date_safe(if_modified_since), parse_http_date_safe(last_modified)
    return client_date is not None and page_date is not None and page_date <= client_date


# Headers a 304 repeats from the full answer (RFC 9110 §15.4.5).
NOT_MODIFIED_HEADERS = frozenset(
    {"cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary"}
)
