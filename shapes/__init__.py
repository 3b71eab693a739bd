"""policykg.shapes."""
