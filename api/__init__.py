"""policykg.api."""
