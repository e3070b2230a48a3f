"""Stage 2, clean: extract the article body and its metadata."""
