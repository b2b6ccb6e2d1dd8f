"""Search across the portal: each app registers its sources (`sources.py`); the search page asks
every source the reader may see, one queryset of an `index.Indexed` model per source."""
