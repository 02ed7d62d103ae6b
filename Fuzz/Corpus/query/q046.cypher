MATCH (a:Initiative)-[:DEPENDS_ON]->(b:Initiative)
WHERE b.status <> 'live' AND a.start < b.end
RETURN a.id, a.start, b.id, b.end
ORDER BY a.id, b.id