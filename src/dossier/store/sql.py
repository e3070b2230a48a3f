"""SQL fragments shared by the store's modules."""

# The outlet as cross-article stages count it, for `documents d`: an article whose outlet is
# unknown is its own source, named after its file, so two such articles never count as one.
OUTLET_LABEL_SQL = (
    "CASE WHEN d.outlet = 'unknown' THEN 'unknown: ' || regexp_extract(d.source, '[^/]+$') "
    "ELSE d.outlet END"
)
