CALL interlock.findings() YIELD rule, node
MATCH (node)-[:IN_UNIT]->(u:Unit)
RETURN u.name AS unit, count(*) AS findings, collect(DISTINCT rule) AS rules
ORDER BY findings DESC, unit