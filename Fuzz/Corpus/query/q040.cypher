MATCH (i:Initiative)-[:OWNED_BY]->(p:Person {active: false})
RETURN i.id, i.status, p.name
ORDER BY i.id