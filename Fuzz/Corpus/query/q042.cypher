MATCH (a:Initiative)-[:DEPENDS_ON]->(b:Initiative),
      (a)-[:IN_UNIT]->(ua:Unit), (b)-[:IN_UNIT]->(ub:Unit)
WHERE ua <> ub
RETURN ua.id AS from, ub.id AS to, count(*) AS dependencies
ORDER BY dependencies DESC, from, to