"""The anonymous page cache: whole responses for readers without a session, served without
touching the database, purged on every content change. See docs/performance.md."""
