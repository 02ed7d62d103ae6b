MATCH p = shortestPath((a:Initiative {id: 'remote-assist'})-[:DEPENDS_ON|USES|READS|WRITES*]-(b:Initiative {id: 'b2b-eshop'}))
RETURN [n IN nodes(p) | n.id] AS route, length(p) AS hops