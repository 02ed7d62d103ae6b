MATCH (n)
WHERE (n:Technology OR n:DataSource) AND NOT (n)-[:OWNED_BY]->()
RETURN labels(n)[0] AS kind, n.id
ORDER BY kind, n.id