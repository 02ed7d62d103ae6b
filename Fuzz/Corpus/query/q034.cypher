MATCH (d:DataSource {domain: 'customer'})
OPTIONAL MATCH (i:Initiative)-[:WRITES]->(d)
RETURN d.id, d.systemOfRecord, collect(i.id) AS writers
ORDER BY d.id