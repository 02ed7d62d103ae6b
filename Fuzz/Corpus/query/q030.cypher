MATCH (i:Initiative)-[:USES]->(t:Technology)
WHERE t.lifecycle IN ['hold', 'retired'] AND i.status <> 'retired'
RETURN t.id, t.lifecycle, i.id, i.status
ORDER BY t.id, i.id