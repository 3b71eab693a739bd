"""policykg.load."""
