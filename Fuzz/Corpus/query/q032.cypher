MATCH (i:Initiative)-[u:USES]->(t:Technology)
WHERE u.version IS NOT NULL
WITH t, collect(DISTINCT split(u.version, '.')[0]) AS majors, collect(i.id + '@' + u.version) AS uses
WHERE size(majors) > 1
RETURN t.id, majors, uses
ORDER BY t.id