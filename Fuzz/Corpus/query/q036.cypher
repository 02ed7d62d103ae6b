MATCH (d:DataSource {classification: 'pii'})<-[:READS|WRITES]-(i:Initiative)
RETURN d.id, count(DISTINCT i) AS initiatives, collect(DISTINCT i.id) AS users
ORDER BY initiatives DESC, d.id