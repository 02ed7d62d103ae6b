MATCH (i:Initiative)-[:SUPPORTS]->(g:Goal)
WHERE i.status <> 'retired'
RETURN g.name AS goal, count(i) AS initiatives, sum(i.budget) AS budget
ORDER BY budget DESC