MATCH (d:DataSource)
WITH d.domain AS domain, collect(d.id) AS sources,
     sum(CASE WHEN d.systemOfRecord THEN 1 ELSE 0 END) AS systemsOfRecord
WHERE size(sources) > 1
RETURN domain, sources, systemsOfRecord
ORDER BY domain