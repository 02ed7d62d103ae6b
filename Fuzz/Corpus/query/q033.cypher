MATCH (w:Initiative)-[:WRITES]->(d:DataSource)<-[:READS]-(r:Initiative),
      (w)-[:USES]->(t1:Technology)-[:INCOMPATIBLE_WITH]-(t2:Technology)<-[:USES]-(r)
RETURN w.id AS writer, d.id AS data, r.id AS reader, t1.id + ' / ' + t2.id AS clash
ORDER BY writer, reader