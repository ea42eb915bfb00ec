// Full-text search over names and aliases. The store writes `search`: every name and alias of the node, already
// case- and accent-folded and split into words by the service (the same folding its queries get), so the
// whitespace analyzer is enough. Neo4j's folding analyzer (standard-folding) was not used: it drops English stop
// words, and Lucene does not fold prefix (wildcard) terms, so "łukasz*" would miss "lukasz".
CREATE FULLTEXT INDEX node_search IF NOT EXISTS FOR (n:Person|Organization|Model|Paper) ON EACH [n.search]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
