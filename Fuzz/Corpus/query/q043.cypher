CALL interlock.blastRadius('entra-id') YIELD node, distance
WHERE node:Initiative
RETURN distance, count(*) AS initiatives, sum(node.budget) AS budget
ORDER BY distance