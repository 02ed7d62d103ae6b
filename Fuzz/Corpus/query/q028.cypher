MATCH (i:Initiative)
WHERE i.status <> 'retired' AND NOT (i)-[:SUPPORTS]->(:Goal)
RETURN i.id, i.name, i.status
ORDER BY i.id