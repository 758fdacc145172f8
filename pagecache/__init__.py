"""Full-page cache for anonymous readers, purged exactly when content that a page shows changes."""
