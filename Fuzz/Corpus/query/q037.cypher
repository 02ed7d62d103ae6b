MATCH (c:Capability)<-[:DELIVERS]-(i:Initiative)
WHERE i.status <> 'retired'
WITH c, collect(i.id) AS initiatives, sum(i.budget) AS budget
WHERE size(initiatives) > 1
RETURN c.id, initiatives, budget
ORDER BY budget DESC, c.id