"""policykg.ingest."""
