MATCH (i:Initiative)-[:OWNED_BY]->(o)
WHERE i.status <> 'retired'
RETURN o.id AS owner, labels(o)[0] AS kind, count(i) AS initiatives, sum(i.budget) AS budget
ORDER BY budget DESC, owner
LIMIT 5