"""Page and snippet models of the public site, one module per concept."""

from .article import ArticleCorrection, ArticlePage, ArticlePageQuerySet
from .home import HomeFeaturedStory, HomePage
from .images import Photo, PhotoRendition
from .neighbourhood import City, NeighbourhoodPage
from .reporters import Reporter
from .taxonomy import ArticleTag, Tag, Topic

__all__ = [
    "ArticleCorrection",
    "ArticlePage",
    "ArticlePageQuerySet",
    "ArticleTag",
    "City",
    "HomeFeaturedStory",
    "HomePage",
    "NeighbourhoodPage",
    "Photo",
    "PhotoRendition",
    "Reporter",
    "Tag",
    "Topic",
]
