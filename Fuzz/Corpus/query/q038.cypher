MATCH (u:Unit)<-[:IN_UNIT]-(i:Initiative)-[:USES]->(t:Technology)
RETURN t.id, count(DISTINCT u) AS units, count(DISTINCT i) AS initiatives
ORDER BY units DESC, initiatives DESC, t.id
LIMIT 5