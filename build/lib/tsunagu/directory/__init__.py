"""The directory: filter rules, sorting, generated service/topic/audience pages and the listing with its filters."""
