MATCH p = (a:Initiative)-[:DEPENDS_ON*]->(a)
RETURN DISTINCT [n IN nodes(p) | n.id] AS cycle
ORDER BY size(cycle), cycle