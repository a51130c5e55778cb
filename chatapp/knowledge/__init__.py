"""Local collections: folders indexed in their own SQLite file (words with FTS5, meaning
with sqlite-vec), kept current as files change, and searched with both, fused. No Qt."""
