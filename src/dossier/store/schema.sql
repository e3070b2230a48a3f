-- dossier store, schema version 1. Every table is rebuilt-safe: rows are replaced per source.
CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER, started TIMESTAMP, finished TIMESTAMP, inputs VARCHAR, version VARCHAR,
    documents INTEGER, failures INTEGER, status VARCHAR
);
-- One row per input (a file, or one line of a JSON Lines file): what became of it.
CREATE TABLE IF NOT EXISTS sources (
    source VARCHAR, original_sha256 VARCHAR, status VARCHAR, document_id VARCHAR, run_id INTEGER
);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR, source VARCHAR, kind VARCHAR, encoding VARCHAR, original_sha256 VARCHAR,
    text VARCHAR, words INTEGER, title VARCHAR, authors VARCHAR[], outlet VARCHAR,
    published_value VARCHAR, published_precision VARCHAR, not_before VARCHAR, url VARCHAR,
    metadata JSON, segments JSON, warnings VARCHAR[], extractor_version VARCHAR, run_id INTEGER
);
CREATE TABLE IF NOT EXISTS removed_lines (
    document_id VARCHAR, orig_start INTEGER, orig_end INTEGER, text VARCHAR, reason VARCHAR
);
CREATE TABLE IF NOT EXISTS sentences (
    document_id VARCHAR, idx INTEGER, start_offset INTEGER, end_offset INTEGER
);
CREATE TABLE IF NOT EXISTS mentions (
    document_id VARCHAR, start_offset INTEGER, end_offset INTEGER, text VARCHAR, type VARCHAR,
    sentence_idx INTEGER, extractor_version VARCHAR
);
CREATE TABLE IF NOT EXISTS failures (source VARCHAR, stage VARCHAR, reason VARCHAR, run_id INTEGER);
-- Roles and titles the text gives a mention ("Syrian President", "a former spy").
CREATE TABLE IF NOT EXISTS roles (
    document_id VARCHAR, mention_start INTEGER, mention_end INTEGER,
    start_offset INTEGER, end_offset INTEGER, text VARCHAR
);
-- Stage 7, resolve: actors across articles, rebuilt from mentions and judgements.
CREATE TABLE IF NOT EXISTS entities (id VARCHAR, name VARCHAR, type VARCHAR, aliases VARCHAR[]);
CREATE TABLE IF NOT EXISTS entity_mentions (
    entity_id VARCHAR, document_id VARCHAR, start_offset INTEGER, end_offset INTEGER
);
CREATE TABLE IF NOT EXISTS edges (
    source VARCHAR, target VARCHAR, kind VARCHAR, sentences INTEGER, outlets VARCHAR[],
    evidence JSON
);
-- A user's merge / split / rename decisions: kept across rebuilds, applied after resolve.
CREATE TABLE IF NOT EXISTS judgements (kind VARCHAR, subject VARCHAR, object VARCHAR, created TIMESTAMP);
-- Stage 4, time: every temporal expression, normalised to an interval with a precision.
CREATE TABLE IF NOT EXISTS time_expressions (
    document_id VARCHAR, start_offset INTEGER, end_offset INTEGER, text VARCHAR, kind VARCHAR,
    value VARCHAR, date_start VARCHAR, date_end VARCHAR, precision VARCHAR, anchor VARCHAR,
    anchor_value VARCHAR, confidence DOUBLE, sentence_idx INTEGER, extractor_version VARCHAR
);
-- Per article: sentences with a date and an actor, the raw material of events.
CREATE TABLE IF NOT EXISTS event_candidates (
    document_id VARCHAR, sentence_start INTEGER, sentence_end INTEGER, sentence_text VARCHAR,
    time_start INTEGER, time_end INTEGER, mentions JSON, summary VARCHAR
);
-- Stage 8, timeline: events merged across articles, rebuilt on every build.
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR, date_start VARCHAR, date_end VARCHAR, precision VARCHAR, summary VARCHAR,
    actors VARCHAR[], disagreement BOOLEAN
);
CREATE TABLE IF NOT EXISTS event_evidence (
    event_id VARCHAR, document_id VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
    time_start INTEGER, time_end INTEGER, outlet VARCHAR
);
-- Stage 5, attribution: one row per sentence, and every quotation.
CREATE TABLE IF NOT EXISTS attributions (
    document_id VARCHAR, sentence_start INTEGER, sentence_end INTEGER, type VARCHAR,
    source VARCHAR, source_start INTEGER, source_end INTEGER, cue_start INTEGER,
    cue_end INTEGER, confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS quotes (
    document_id VARCHAR, start_offset INTEGER, end_offset INTEGER, kind VARCHAR,
    speaker VARCHAR, speaker_start INTEGER, speaker_end INTEGER, marked BOOLEAN
);
-- Stage 6, claims: checkable statements with their slots.
CREATE TABLE IF NOT EXISTS claims (
    id VARCHAR, document_id VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
    text VARCHAR, actor_spans JSON, predicate VARCHAR, time_start INTEGER, time_end INTEGER,
    place_spans JSON, quantities JSON, attribution JSON, quote_start INTEGER, quote_end INTEGER
);
-- Stage 9, corroboration: claims grouped across outlets, rebuilt on every build.
CREATE TABLE IF NOT EXISTS claim_groups (
    id VARCHAR, status VARCHAR, outlets VARCHAR[], independent_outlets INTEGER,
    copies JSON, shared_sources VARCHAR[], summary VARCHAR
);
CREATE TABLE IF NOT EXISTS claim_group_members (group_id VARCHAR, claim_id VARCHAR, outlet VARCHAR);
CREATE TABLE IF NOT EXISTS conflicts (group_id VARCHAR, slot VARCHAR, slot_values JSON);
-- Stage 9: sentence embeddings by model and text hash, so a rebuild embeds only new sentences.
CREATE TABLE IF NOT EXISTS sentence_vectors (key VARCHAR, vector BLOB);
