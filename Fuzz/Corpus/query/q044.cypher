MATCH (t:Technology)<-[:USES|DEPENDS_ON]-(i:Initiative)
WHERE i.status <> 'retired'
RETURN t.id, count(DISTINCT i) AS dependents, sum(i.budget) AS budget
ORDER BY dependents DESC, t.id
LIMIT 5