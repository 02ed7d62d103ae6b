MATCH (i:Initiative)-[:USES]->(t:Technology)
WHERE i.status <> 'retired' AND i.end > t.endOfLife
RETURN i.id, i.end, t.id, t.endOfLife
ORDER BY i.id