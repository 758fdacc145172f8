"""How the public-site tests read a page: fetch it as an anonymous reader and parse its HTML."""

from bs4 import BeautifulSoup


def read_page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    """The page's visible text with whitespace collapsed, for checking content a reader sees."""
    return " ".join(soup.get_text(" ").split())
