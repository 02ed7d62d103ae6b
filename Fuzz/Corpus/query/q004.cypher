MATCH (a)-[:WRITES]->(d)<-[:READS]-(b)
RETURN d.id, count(*)