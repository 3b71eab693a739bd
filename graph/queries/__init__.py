"""policykg.graph.queries."""
